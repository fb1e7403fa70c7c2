import { bootstrapService } from '@sangathan/bootstrap';
import { AppModule } from './app.module';
import { TRAINING_SERVICE_DESCRIPTION } from './service';

void bootstrapService(AppModule, TRAINING_SERVICE_DESCRIPTION);
