import { ApplicationError, ValidationError } from '@sangathan/kernel';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvRowParser } from '../../../../common/csv';

/** Largest streamed import (`IMPORT_MAX_BYTES` overrides). */
const maxBytes = (): number => Number(process.env.IMPORT_MAX_BYTES ?? 256 * 1024 * 1024);

/** Too large is the body's size, not its content: 413, like every other oversized body. */
class ImportTooLargeError extends ApplicationError {
  readonly status = 413;
}

/**
 * The rows of an import request: `text/csv` (header row), `application/x-ndjson` (one JSON
 * object per line), or `application/json` (an array, or `{ rows: [...] }`; the shared JSON parser
 * caps those at 100 kB, so large files go as CSV or NDJSON, parsed here as the body streams in). Bytes that are
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
  return type === 'text/csv' ? readCsvRows(req) : readNdjsonRows(req);
}

/**
 * CSV rows as the body streams in: the file's bytes and text are never held whole, only the parsed rows (the
 * importer checks every row before it writes any).
 */
async function readCsvRows(req: Request): Promise<unknown[]> {
  const rows: unknown[] = [];
  try {
    await pipeline(
      Readable.from(decodedText(req)),
      csvRowParser(),
      async (records: AsyncIterable<unknown>) => {
        for await (const row of records) rows.push(row);
      },
    );
  } catch (error) {
    if (error instanceof ApplicationError) throw error;
    throw new ValidationError('INVALID_CSV', `the CSV cannot be read: ${(error as Error).message}`, [
      { field: 'body', message: 'malformed CSV' },
    ]);
  }
  return rows;
}

/** One JSON object per line, read as the body streams in. */
async function readNdjsonRows(req: Request): Promise<unknown[]> {
  const rows: unknown[] = [];
  let line = 0;
  const take = (text: string): void => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return;
    try {
      rows.push(JSON.parse(trimmed));
    } catch {
      throw new ValidationError('INVALID_NDJSON', `line ${line} is not JSON`, [
        { field: `rows[${line}]`, message: 'not JSON' },
      ]);
    }
  };
  let pending = '';
  for await (const text of decodedText(req)) {
    pending += text;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      take(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  }
  take(pending);
  return rows;
}

/** The body as text, chunk by chunk: refused once over the size limit, or at the first byte that is not UTF-8. */
async function* decodedText(req: Request): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const limit = maxBytes();
  let size = 0;
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new ValidationError('INVALID_UTF8', 'the file is not valid UTF-8 text', [
        { field: 'body', message: 'not UTF-8' },
      ]);
    }
  };
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new ImportTooLargeError('IMPORT_TOO_LARGE', `imports are limited to ${limit} bytes per request`, [
        { field: 'body', message: 'too large' },
      ]);
    yield decode(chunk as Buffer);
  }
  yield decode();
}
