import { bootstrapService } from '@sangathan/bootstrap';
import { AppModule } from './app.module';
import { NOTIFICATIONS_SERVICE_DESCRIPTION } from './service';

void bootstrapService(AppModule, NOTIFICATIONS_SERVICE_DESCRIPTION);
