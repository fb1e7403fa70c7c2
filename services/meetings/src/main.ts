import { bootstrapService } from '@sangathan/bootstrap';
import { AppModule } from './app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from './service';

void bootstrapService(AppModule, MEETINGS_SERVICE_DESCRIPTION);
