import type { AreaRow } from './area.mapper';

/**
 * One subtree index list as this process last read it: valid while the list's stamp still carries
 * `token` (see `AreaSubtreeIndex.lists`). `rows` fills in as pages are read: the area documents of
 * those ids (null: no such area), read after the token was, hence as fresh as the list.
 */
export type CachedList = {
  key: string;
  token: string | null;
  ids: readonly string[];
  rows: Map<string, AreaRow | null>;
};

/**
 * In-process cache of subtree index lists and the area rows read through them, least recently used
 * first out once it holds more than `maxEntries` ids and rows in all (a district's 3,600 booths with
 * their rows: ~7,200; 0 turns it off). Knows nothing of validity: the index checks each list's token
 * before use.
 */
export class SubtreeListCache {
  private readonly lists = new Map<string, CachedList>();
  private size = 0;

  constructor(private readonly maxEntries: number) {}

  get(key: string): CachedList | undefined {
    const list = this.lists.get(key);
    if (list) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.lists.delete(key);
      this.lists.set(key, list);
    }
    return list;
  }

  put(list: CachedList): void {
    this.drop(list.key);
    if (list.token === null || this.maxEntries === 0) return;
    this.lists.set(list.key, list);
    this.size += list.ids.length + list.rows.size;
    this.evict();
  }

  /** Keeps an area row read through `list` (only if the list is still the cached one). */
  remember(list: CachedList, id: string, row: AreaRow | null): void {
    if (list.rows.has(id)) return;
    list.rows.set(id, row);
    if (this.lists.get(list.key) !== list) return;
    this.size++;
    this.evict();
  }

  private drop(key: string): void {
    const old = this.lists.get(key);
    if (!old) return;
    this.lists.delete(key);
    this.size -= old.ids.length + old.rows.size;
  }

  private evict(): void {
    for (const key of this.lists.keys()) {
      if (this.size <= this.maxEntries || this.lists.size <= 1) return;
      this.drop(key);
    }
  }
}

/** Size of the cache: ORG_SUBTREE_CACHE_ENTRIES (ids and rows in all, ~1 KB each), default 100,000. */
export function subtreeCacheEntriesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ORG_SUBTREE_CACHE_ENTRIES);
  return env.ORG_SUBTREE_CACHE_ENTRIES !== undefined && Number.isInteger(value) && value >= 0
    ? value
    : 100_000;
}
