import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MetricsController } from '@sangathan/bootstrap';
import { HttpErrorFilter } from '@sangathan/http';
import { loggerOptions } from '@sangathan/observability';
import { LoggerModule } from 'nestjs-pino';
import { DASHBOARD_OPTIONS } from './dashboard.tokens';
import type { DashboardOptions } from './dashboard-options';
import { DevLoginController } from './dev-login.controller';
import { HealthController } from './health.controller';

@Module({})
export class DashboardModule {
  static forRoot(options: DashboardOptions): DynamicModule {
    return {
      module: DashboardModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions('dashboard'),
            // The app's assets and the forwarded calls are logged by the services that answer them.
            autoLogging: { ignore: (req) => !/^\/auth\//.test(req.url ?? '') },
            customProps: () => ({ service: 'dashboard' }),
          },
        }),
      ],
      controllers: [HealthController, DevLoginController, MetricsController],
      providers: [
        { provide: DASHBOARD_OPTIONS, useValue: options },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
