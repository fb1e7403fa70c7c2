import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuthGuard } from '@sangathan/auth';
import { HealthModule } from '@sangathan/health';
import {
  HttpErrorFilter,
  HttpMetricsMiddleware,
  HttpTracingMiddleware,
  IdempotencyInterceptor,
  IdempotencyStore,
  StrictQueryMiddleware,
} from '@sangathan/http';
import { MessagingModule, type MessagingOptions } from '@sangathan/messaging';
import { loggerOptions } from '@sangathan/observability';
import { PersistenceModule } from '@sangathan/persistence';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { MetricsController } from './metrics.controller';

export type ServiceDefaultsOptions = MessagingOptions & {
  /** Default database name (MONGODB_DB overrides). */
  dbName?: string;
};

/**
 * Everything a Sangathan service shares (dotnet/eShop's ServiceDefaults): JSON logs with trace
 * ids, its MongoDB database, the event bus, health, metrics, auth, validation, error bodies and
 * idempotency keys. A service's AppModule imports this and its own feature modules, nothing else.
 */
@Module({})
export class ServiceDefaultsModule implements NestModule {
  static forRoot(options: ServiceDefaultsOptions): DynamicModule {
    return {
      module: ServiceDefaultsModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions(options.serviceName),
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            customProps: () => ({ service: options.serviceName }),
          },
        }),
        PersistenceModule.forRoot({ dbName: options.dbName ?? `sangathan-${options.serviceName}` }),
        MessagingModule.forRoot(options),
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [
        IdempotencyStore,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IdempotencyStore],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Metrics before the query check, so the requests it refuses are counted too.
    consumer.apply(HttpTracingMiddleware, HttpMetricsMiddleware, StrictQueryMiddleware).forRoutes('*path');
  }
}
