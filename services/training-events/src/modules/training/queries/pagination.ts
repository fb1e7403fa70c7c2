import { decodeCursor, encodeCursor, type Page } from '@sangathan/kernel';
import type { PageRequest } from '../application/ports/page-request';

/** Keyset pagination on `_id` (ids are UUIDv7 or derived from them, so they sort by creation). */
export function pageRequest(cursor: string | undefined, limit: number): PageRequest {
  return { afterId: cursor ? String(decodeCursor(cursor).id) : null, limit };
}

export function toPage<T extends { _id: string }, V>(docs: T[], limit: number, view: (doc: T) => V): Page<V> {
  const items = docs.slice(0, limit);
  const more = docs.length > limit;
  return {
    items: items.map(view),
    nextCursor: more ? encodeCursor({ id: items[items.length - 1]._id }) : null,
  };
}
