import { assertCan, type Principal } from '@sangathan/auth';
import type { Permission } from '@sangathan/auth';
import {
  decodeCursor,
  encodeCursor,
  escapeRegExp,
  searchKey,
  ValidationError,
  type Page,
} from '@sangathan/kernel';

/** Where an area sits: enough for scope checks. */
export type AreaLocation = { id: string; ancestors: readonly string[] };

/** Looks up an area's location; the handlers pass their repository's lookup in. */
export type LocateArea = (id: string) => Promise<AreaLocation | null>;

/**
 * Resolves the `under` parameter of a list: defaults to the caller's own area, must exist and lie
 * inside the caller's subtree. Returns the Mongo filter for documents in that subtree (itself included).
 */
export async function subtreeFilter(
  principal: Principal,
  permission: Permission,
  under: string | undefined,
  locate: LocateArea,
  field = 'areaId',
): Promise<Record<string, unknown>> {
  const id = (under ?? principal.areaId).trim().toUpperCase();
  const area = id === principal.areaId ? { id, ancestors: principal.areaPath } : await locate(id);
  if (!area) {
    throw new ValidationError('UNKNOWN_AREA', `area ${id} does not exist`, [
      { field: 'under', message: 'unknown area' },
    ]);
  }
  assertCan(principal, permission, { areaId: area.id, ancestors: area.ancestors });
  return { $or: [{ [field]: area.id }, { ancestors: area.id }] };
}

/** Anchored regex on the folded name keys: prefix, case- and diacritic-insensitive, Hindi or English. */
export function namePrefixFilter(q: string | undefined, field = 'nameKeys'): Record<string, unknown> {
  if (!q) return {};
  const key = searchKey(q);
  if (!key) return {};
  return { [field]: { $regex: `^${escapeRegExp(key)}` } };
}

/** `_id > last` from an opaque cursor, for keyset pagination in `_id` order. */
export function afterCursor(cursor: string | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const { id } = decodeCursor(cursor);
  if (typeof id !== 'string')
    throw new ValidationError('INVALID_CURSOR', 'cursor is not one this API issued', [
      { field: 'cursor', message: 'malformed cursor' },
    ]);
  return { _id: { $gt: id } };
}

/** Builds a page from `limit + 1` rows fetched in `_id` order; a view's `id` is its document's `_id`. */
export function toPage<TRow, TView extends { id: string }>(
  rows: TRow[],
  limit: number,
  view: (row: TRow) => TView,
): Page<TView> {
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(view);
  return {
    items,
    nextCursor: more ? encodeCursor({ id: items[items.length - 1].id }) : null,
  };
}

/** Every non-empty condition, under `$and` (conditions on the same field, two `$or`s, may meet). */
export function allConditions(...conditions: Record<string, unknown>[]): Record<string, unknown> {
  const parts = conditions.filter((c) => Object.keys(c).length > 0);
  return parts.length === 0 ? {} : { $and: parts };
}
