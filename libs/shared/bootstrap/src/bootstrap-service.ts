import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { bodyParserOptions } from '@sangathan/http';
import { KafkaEventTransport } from '@sangathan/messaging';
import { startTelemetry, type TelemetryOptions } from '@sangathan/observability';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { completeOpenApiDocument } from './openapi/openapi-document';

export type ServiceDescription = {
  /** Short name: `org`, `meetings`, … */
  name: string;
  title: string;
  description: string;
  defaultPort: number;
};

/** Creates a configured (not yet listening) app: logger, OpenAPI at /docs, shutdown hooks. Tests use it too. */
export async function createServiceApp(
  appModule: Type<unknown>,
  service: ServiceDescription,
  telemetry: Partial<TelemetryOptions> = {},
): Promise<INestApplication> {
  startTelemetry({ serviceName: service.name, ...telemetry });
  // Nest's own body parsers are replaced by ones with a stated limit and a UTF-8 check.
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useBodyParser('json', bodyParserOptions);
  app.useBodyParser('urlencoded', { ...bodyParserOptions, extended: false });
  // Query values stay strings (or lists of strings); StrictQueryMiddleware refuses the rest.
  app.set('query parser', 'simple');
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // The service's @OnEvent handlers, served by its Kafka consumer. The HTTP app's guards, pipes and
  // interceptors are not inherited: they are about requests.
  app.connectMicroservice({ strategy: app.get(KafkaEventTransport) }, { inheritAppConfig: false });
  const config = new DocumentBuilder()
    .setTitle(service.title)
    .setDescription(
      `${service.description}\n\nErrors: \`{ error: { code, message, details[], traceId } }\`. Writes accept an \`Idempotency-Key\` header.`,
    )
    .setVersion(process.env.SERVICE_VERSION ?? '1.0.0')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = completeOpenApiDocument(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  // Nest's usual JSON path, for tools that guess it.
  const http = app.getHttpAdapter();
  http.get('/docs-json', (_request: unknown, response: unknown) =>
    http.redirect(response, 301, '/docs/openapi.json'),
  );
  return app;
}

/** `main.ts` of every service: build the app and listen on PORT. */
export async function bootstrapService(
  appModule: Type<unknown>,
  service: ServiceDescription,
): Promise<INestApplication> {
  const app = await createServiceApp(appModule, service);
  const port = Number(process.env.PORT ?? service.defaultPort);
  await app.startAllMicroservices();
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  app
    .get(Logger)
    .log(
      `${service.name} listening on :${port} (docs at /docs, health at /health/ready, metrics at /metrics)`,
    );
  return app;
}
