import { ValidationError } from './application-error';

/**
 * Opaque cursors for keyset pagination: the sort key values of the last item, base64url JSON.
 * Keyset (not skip/limit) so deep pages stay as fast as the first.
 */
export function encodeCursor(values: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Record<string, string | number> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, string | number>;
    }
  } catch {
    // fall through to the error below
  }
  throw new ValidationError('INVALID_CURSOR', 'cursor is not one this API issued', [
    { field: 'cursor', message: 'malformed cursor' },
  ]);
}

export type Page<T> = { items: T[]; nextCursor: string | null };
