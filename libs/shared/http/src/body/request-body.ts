import { ApplicationError, ValidationError } from '@sangathan/kernel';
import type { IncomingMessage } from 'node:http';
import { isUtf8 } from 'node:buffer';

/** Largest JSON or form body any service accepts; bulk files go as streamed CSV/NDJSON imports. */
export const MAX_BODY = '100kb';

class UnsupportedCharsetError extends ApplicationError {
  readonly status = 415;
}

/**
 * body-parser's `verify` hook: the raw bytes of a body before decoding. Decoding would quietly turn
 * invalid sequences into replacement characters and store them, so anything that is not UTF-8 is
 * refused here.
 */
export function requireUtf8(
  _req: IncomingMessage,
  _res: unknown,
  body: Buffer,
  encoding: string | null,
): void {
  if (encoding && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') {
    throw new UnsupportedCharsetError('UNSUPPORTED_CHARSET', `bodies are read as UTF-8, not ${encoding}`, [
      { field: 'content-type', message: 'use charset=utf-8' },
    ]);
  }
  if (!isUtf8(body)) throw invalidUtf8('body');
}

export const invalidUtf8 = (field: string): ValidationError =>
  new ValidationError('INVALID_UTF8', `the ${field} is not valid UTF-8`, [
    { field, message: 'invalid byte sequence' },
  ]);

/**
 * Checks the bytes are UTF-8 and keeps them as `request.rawBody` (Nest's `RawBodyRequest`): a webhook's
 * signature is computed over the bytes as sent, not over the parsed object.
 */
export function verifyBody(
  req: IncomingMessage & { rawBody?: Buffer },
  res: unknown,
  body: Buffer,
  encoding: string | null,
): void {
  requireUtf8(req, res, body, encoding);
  req.rawBody = body;
}

/** Options for express.json / express.urlencoded: one size limit, the UTF-8 check and the raw bytes everywhere. */
export const bodyParserOptions = { limit: MAX_BODY, verify: verifyBody } as const;
