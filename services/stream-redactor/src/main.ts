import { bootstrapService } from '@sangathan/bootstrap';
import { AppModule } from './app.module';
import { STREAM_REDACTOR_SERVICE_DESCRIPTION } from './service';

void bootstrapService(AppModule, STREAM_REDACTOR_SERVICE_DESCRIPTION);
