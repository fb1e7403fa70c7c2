import { bootstrapService } from '@sangathan/bootstrap';
import { AppModule } from './app.module';
import { ORG_SERVICE_DESCRIPTION } from './service';

void bootstrapService(AppModule, ORG_SERVICE_DESCRIPTION);
