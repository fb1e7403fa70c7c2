import { Injectable, type NestMiddleware } from '@nestjs/common';
import { DURATION_BUCKETS_SECONDS, lazyMeter } from '@sangathan/observability';
import type { NextFunction, Request, Response } from 'express';

const requestDuration = lazyMeter('sangathan.http').createHistogram('http_server_request_duration_seconds', {
  description: 'Time from request to response, by route template and status',
  unit: 's',
  advice: { explicitBucketBoundaries: DURATION_BUCKETS_SECONDS },
});

/**
 * Records each request's duration by method, route template and status (OpenTelemetry's HTTP server
 * attributes). The template (`/meetings/:id`), not the path, keeps the series bounded; a request that
 * matched no route is counted as `unmatched` for the same reason.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      requestDuration.record(Number(process.hrtime.bigint() - started) / 1e9, {
        'http.request.method': req.method,
        'http.route': route,
        'http.response.status_code': res.statusCode,
      });
    });
    next();
  }
}
