/** Keyset pagination on `_id` (ids are UUIDv7 or derived from them, so they sort by creation). */
export type PageRequest = {
  /** The last id of the previous page (from the cursor), or null for the first page. */
  afterId: string | null;
  /** Answers up to `limit + 1` items, so the caller sees whether there is a next page. */
  limit: number;
};
