import { decodeCursor, encodeCursor, type Page } from '@sangathan/kernel';

/** Keyset pagination on `_id` (ids are UUIDv7 or derived from them, so they sort by creation). */
export function afterCursor(cursor: string | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const { id } = decodeCursor(cursor);
  return { _id: { $gt: String(id) } };
}

export function toPage<T extends { _id: string }, V>(docs: T[], limit: number, view: (doc: T) => V): Page<V> {
  const items = docs.slice(0, limit);
  const more = docs.length > limit;
  return {
    items: items.map(view),
    nextCursor: more ? encodeCursor({ id: items[items.length - 1]._id }) : null,
  };
}
