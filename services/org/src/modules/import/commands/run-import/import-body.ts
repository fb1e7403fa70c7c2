import { ApplicationError, ValidationError } from '@sangathan/kernel';
import type { Request } from 'express';
import { csvToObjects } from '../../../../common/csv';

/** Largest streamed import (`IMPORT_MAX_BYTES` overrides). */
const maxBytes = (): number => Number(process.env.IMPORT_MAX_BYTES ?? 256 * 1024 * 1024);

/** Too large is the body's size, not its content: 413, like every other oversized body. */
class ImportTooLargeError extends ApplicationError {
  readonly status = 413;
}

/**
 * The rows of an import request: `text/csv` (header row), `application/x-ndjson` (one JSON
 * object per line), or `application/json` (an array, or `{ rows: [...] }`; the shared JSON parser
 * caps those at 100 kB, so large files go as CSV or NDJSON, read here as a stream). Bytes that are
 * not valid UTF-8 are refused before any row is looked at.
 */
export async function readImportRows(req: Request): Promise<unknown[]> {
  const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') {
    const body: unknown = req.body;
    const rows = Array.isArray(body) ? body : (body as { rows?: unknown })?.rows;
    if (!Array.isArray(rows))
      throw new ValidationError('INVALID_IMPORT', 'a JSON import is an array of rows or { rows: [...] }', [
        { field: 'body', message: 'expected an array' },
      ]);
    return rows;
  }
  if (type !== 'text/csv' && type !== 'application/x-ndjson') {
    throw new ValidationError('UNSUPPORTED_FORMAT', `unsupported content type ${type || '(none)'}`, [
      { field: 'content-type', message: 'text/csv, application/x-ndjson or application/json' },
    ]);
  }
  const text = decodeUtf8(await readAll(req));
  if (type === 'text/csv') {
    try {
      return csvToObjects(text);
    } catch (error) {
      throw new ValidationError('INVALID_CSV', `the CSV cannot be read: ${(error as Error).message}`, [
        { field: 'body', message: 'malformed CSV' },
      ]);
    }
  }
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== '')
    .map(({ line, i }) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new ValidationError('INVALID_NDJSON', `line ${i + 1} is not JSON`, [
          { field: `rows[${i + 1}]`, message: 'not JSON' },
        ]);
      }
    });
}

export function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError('INVALID_UTF8', 'the file is not valid UTF-8 text', [
      { field: 'body', message: 'not UTF-8' },
    ]);
  }
}

async function readAll(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const limit = maxBytes();
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new ImportTooLargeError('IMPORT_TOO_LARGE', `imports are limited to ${limit} bytes per request`, [
        { field: 'body', message: 'too large' },
      ]);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
