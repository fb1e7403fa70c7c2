import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ApplicationError, type ErrorDetail } from '@sangathan/kernel';
import { currentTraceId } from '@sangathan/observability';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { isDatabaseUnavailable } from '@sangathan/persistence';

/** The one error body shape every service answers with. */
export type ErrorBody = {
  error: { code: string; message: string; details: ErrorDetail[]; traceId?: string };
};

function isHealthReport(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException)) return false;
  const body = exception.getResponse();
  return typeof body === 'object' && body !== null && 'status' in body && 'info' in body && 'details' in body;
}

/**
 * Errors body-parser (and raw-body under it) raise before a handler runs, by their `type`: the
 * client's fault, so never a 500.
 */
const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [HttpStatus.BAD_REQUEST, 'MALFORMED_JSON', 'the request body is not valid JSON'],
  'entity.too.large': [
    HttpStatus.PAYLOAD_TOO_LARGE,
    'PAYLOAD_TOO_LARGE',
    'the request body is larger than this endpoint accepts',
  ],
  'parameters.too.many': [
    HttpStatus.PAYLOAD_TOO_LARGE,
    'PAYLOAD_TOO_LARGE',
    'the form has too many parameters',
  ],
  'request.aborted': [
    HttpStatus.BAD_REQUEST,
    'REQUEST_ABORTED',
    'the request body ended before its declared length',
  ],
  'request.size.invalid': [
    HttpStatus.BAD_REQUEST,
    'REQUEST_SIZE_INVALID',
    'the request body does not match its content-length',
  ],
  'encoding.unsupported': [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'UNSUPPORTED_ENCODING',
    'the request body has an unsupported content encoding',
  ],
  'charset.unsupported': [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'UNSUPPORTED_CHARSET',
    'bodies are read as UTF-8',
  ],
};

type BodyParserError = Error & { type?: string; limit?: number };

/**
 * Maps every error to a machine-readable body. Domain errors carry their own status and code;
 * validation errors list each failing field; database outages become 503 (retryable), and
 * anything unexpected is a logged 500 that leaks no internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // A streamed answer failed midway (the client left, a read broke): there is no body to send any more.
      this.logger.warn(exception instanceof Error ? exception.message : String(exception));
      response.destroy();
      return;
    }
    if (isHealthReport(exception)) {
      // Terminus' own body ({ status, info, error, details }) is what probes and dashboards expect.
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const [status, body] = this.toBody(exception);
    if (status >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    response.status(status).json({ error: { ...body, traceId: currentTraceId() } });
  }

  private toBody(exception: unknown): [number, ErrorBody['error']] {
    if (exception instanceof ApplicationError) {
      return [
        exception.status,
        { code: exception.code, message: exception.message, details: exception.details },
      ];
    }
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError() as ZodError;
      return [
        HttpStatus.BAD_REQUEST,
        {
          code: 'VALIDATION_FAILED',
          message: 'the request is not valid',
          details: zodError.issues.map((issue) => ({
            field: issue.path.map(String).join('.') || undefined,
            message: issue.message,
          })),
        },
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        const r = response as { code: string; message?: string; details?: ErrorDetail[] };
        return [status, { code: r.code, message: r.message ?? exception.message, details: r.details ?? [] }];
      }
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      return [
        status,
        {
          code: HttpStatus[status] ?? 'HTTP_ERROR',
          message: Array.isArray(message) ? message.join('; ') : message,
          details: [],
        },
      ];
    }
    if (isDatabaseUnavailable(exception)) {
      return [
        HttpStatus.SERVICE_UNAVAILABLE,
        { code: 'DATABASE_UNAVAILABLE', message: 'the database is unreachable; retry later', details: [] },
      ];
    }
    const bodyError =
      exception instanceof Error ? BODY_ERRORS[(exception as BodyParserError).type ?? ''] : undefined;
    if (bodyError) {
      const [status, code, message] = bodyError;
      const limit = (exception as BodyParserError).limit;
      return [
        status,
        {
          code,
          message: limit && status === HttpStatus.PAYLOAD_TOO_LARGE ? `${message} (${limit} bytes)` : message,
          details: [{ field: 'body', message }],
        },
      ];
    }
    if (exception instanceof Error && (exception as { code?: number }).code === 11000) {
      return [
        HttpStatus.CONFLICT,
        { code: 'DUPLICATE', message: 'a record with the same unique key exists', details: [] },
      ];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL', message: 'unexpected error', details: [] }];
  }
}
