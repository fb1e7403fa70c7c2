import { bootstrapService } from '@sangathan/bootstrap';
import { AppModule } from './app.module';
import { PANEL_SERVICE_DESCRIPTION } from './service';

void bootstrapService(AppModule, PANEL_SERVICE_DESCRIPTION);
