import {
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, type Observable, of, switchMap, throwError } from 'rxjs';
import { IdempotencyStore } from './idempotency.store';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * `Idempotency-Key` on writes: the first request runs and its response is stored; a retry with
 * the same key and body gets the same status and body back without running again (only successful
 * responses are stored: a failed write changed nothing and may simply be retried); the same key
 * with a different body is refused (422); a retry while the first is still running gets 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: { sub?: string } }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    if (!key || !WRITE_METHODS.has(request.method)) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new UnprocessableEntityException({
        code: 'INVALID_IDEMPOTENCY_KEY',
        message: 'Idempotency-Key must be 8-128 characters of letters, digits, _ . : -',
        details: [{ field: 'Idempotency-Key', message: 'invalid format' }],
      });
    }
    const id = `${request.user?.sub ?? 'anonymous'}:${request.method}:${request.baseUrl}${request.path}:${key}`;
    const hash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');

    return from(this.store.begin(id, hash)).pipe(
      switchMap((outcome) => {
        switch (outcome.kind) {
          case 'replay':
            response.status(outcome.response.status);
            response.setHeader('Idempotent-Replayed', 'true');
            return of(outcome.response.body);
          case 'mismatch':
            throw new UnprocessableEntityException({
              code: 'IDEMPOTENCY_KEY_REUSED',
              message: 'this Idempotency-Key was used with a different request body',
              details: [{ field: 'Idempotency-Key', message: 'reused with a different body' }],
            });
          case 'in-progress':
            throw new ConflictException({
              code: 'REQUEST_IN_PROGRESS',
              message: 'a request with this Idempotency-Key is still being processed; retry shortly',
              details: [],
            });
          case 'started':
            return next.handle().pipe(
              switchMap((body) =>
                from(this.store.complete(id, { status: response.statusCode, body: body ?? null })).pipe(
                  switchMap(() => of(body)),
                ),
              ),
              // A failed write changed nothing, so forget the key and let the client retry it.
              catchError((error: unknown) =>
                from(this.store.release(id)).pipe(switchMap(() => throwError(() => error))),
              ),
            );
        }
      }),
    );
  }
}
