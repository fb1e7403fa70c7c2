import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ValidationError } from '@sangathan/kernel';
import type { NextFunction, Request, Response } from 'express';

/**
 * Query parameters are plain strings, or a list by repeating the name (`?status=a&status=b`).
 * Express' simple parser already turns `?under[$gt]=x` into a key `under[$gt]` rather than an
 * object, but that key would then be dropped silently and the request answered as if unfiltered;
 * bracket syntax is refused instead, and so are escapes that do not decode to UTF-8 (which the
 * parser would store as replacement characters).
 */
@Injectable()
export class StrictQueryMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const mark = req.originalUrl.indexOf('?');
    if (mark >= 0) checkQuery(req.originalUrl.slice(mark + 1));
    next();
  }
}

/** Throws a 400 for a query string this service would misread. */
export function checkQuery(query: string): void {
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const split = pair.indexOf('=');
    const name = decode(split < 0 ? pair : pair.slice(0, split), 'query');
    decode(split < 0 ? '' : pair.slice(split + 1), `query parameter ${name}`);
    if (/[[\]]/.test(name)) {
      throw new ValidationError(
        'UNSUPPORTED_QUERY',
        `query parameter "${name}" is not supported: parameters are plain strings; repeat a name for a list`,
        [{ field: name, message: 'objects and bracket syntax are not accepted' }],
      );
    }
  }
}

function decode(raw: string, field: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new ValidationError('INVALID_UTF8', `the ${field} is not valid percent-encoded UTF-8`, [
      { field, message: 'invalid escape or byte sequence' },
    ]);
  }
}
