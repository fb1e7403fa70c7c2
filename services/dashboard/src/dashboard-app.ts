import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bodyParserOptions } from '@sangathan/http';
import { startTelemetry } from '@sangathan/observability';
import type { NextFunction, Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { DashboardModule } from './dashboard.module';
import type { DashboardOptions } from './dashboard-options';
import { forwardedRequests } from './forwarded-requests.metric';

/**
 * The dashboard's server: forwards `/api/<service>/…` to the services (the browser talks to one origin; the
 * caller's own bearer token goes along, so each service applies its own scope checks), serves the built
 * single-page app with index.html for every other GET (the URL holds the place), and the dev sign-in.
 */
export async function createDashboardApp(options: DashboardOptions): Promise<INestApplication> {
  // Prometheus at /metrics (the process defaults and the forwarded calls); once per process.
  startTelemetry({ serviceName: 'dashboard' });
  const app = await NestFactory.create<NestExpressApplication>(DashboardModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Registered before Nest's routes: a forwarded body must reach the service untouched, so the JSON parser is
  // mounted only on /auth below.
  for (const [name, target] of Object.entries(options.upstreams)) {
    app.use(
      `/api/${name}`,
      createProxyMiddleware<Request, Response>({
        target,
        changeOrigin: true,
        xfwd: true,
        // Server-sent events must not wait for a buffer to fill.
        on: {
          // A browser that goes away (a closed tab, a new page) ends its upstream request too: an event
          // stream would otherwise stay open at the service.
          proxyReq: (proxyReq, _req, res) => {
            res.on('close', () => {
              if (!res.writableFinished) proxyReq.destroy();
            });
          },
          proxyRes: (proxyRes) => {
            forwardedRequests.add(1, { service: name, status: String(proxyRes.statusCode ?? 0) });
            if (String(proxyRes.headers['content-type'] ?? '').startsWith('text/event-stream'))
              proxyRes.headers['x-accel-buffering'] = 'no';
          },
          error: (error, _req, res) => {
            forwardedRequests.add(1, { service: name, status: '502' });
            const response = res as Response;
            if (!response.headersSent && typeof response.status === 'function') {
              response.status(502).json({
                error: {
                  code: 'UPSTREAM_UNAVAILABLE',
                  message: `${name} is not reachable: ${error.message}`,
                  details: [],
                },
              });
            } else response.end();
          },
        },
      }),
    );
  }
  app.use('/api', (_req: Request, res: Response) =>
    res.status(404).json({
      error: {
        code: 'UNKNOWN_SERVICE',
        message: `the dashboard forwards to ${Object.keys(options.upstreams).join(', ')}`,
        details: [],
      },
    }),
  );
  app.useBodyParser('json', bodyParserOptions);
  app.useStaticAssets(options.webRoot, { index: false, maxAge: '1h', immutable: false });
  // Every other GET that asks for a page gets the app, which reads the place from the URL.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || /^\/(auth|health|metrics)(\/|$)/.test(req.path) || !req.accepts('html'))
      return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(options.webRoot, 'index.html'), (error) => error && next());
  });
  return app;
}
