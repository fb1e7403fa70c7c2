import { bootstrapService } from '@sangathan/bootstrap';
import { AppModule } from './app.module';
import { ANALYTICS_SERVICE_DESCRIPTION } from './service';

void bootstrapService(AppModule, ANALYTICS_SERVICE_DESCRIPTION);
