import type { AreaRow } from './area.mapper';
import { type CachedList, SubtreeListCache, subtreeCacheEntriesFromEnv } from './area-subtree-cache';

const list = (key: string, ids: string[], token: string | null = `t-${key}`): CachedList => ({
  key,
  token,
  ids,
  rows: new Map(),
});
const row = (id: string): AreaRow =>
  ({
    _id: id,
    level: 'booth',
    parentId: null,
    ancestors: [],
    nameEn: id,
    nameHi: null,
    nameKeys: [],
  }) as unknown as AreaRow;

describe('SubtreeListCache', () => {
  it('drops the least recently used lists once ids and rows exceed its size', () => {
    const cache = new SubtreeListCache(5);
    const a = list('A', ['a1', 'a2']);
    cache.put(a);
    cache.put(list('B', ['b1', 'b2']));
    expect(cache.get('A')).toBe(a); // A is now the most recently used
    cache.remember(a, 'a1', row('a1')); // 5 entries: still fits
    expect(cache.get('B')).toBeDefined();
    cache.put(list('C', ['c1']));
    // 6 > 5: A (used before B) goes first.
    expect(cache.get('A')).toBeUndefined();
    expect(cache.get('B')?.ids).toEqual(['b1', 'b2']);
    expect(cache.get('C')?.ids).toEqual(['c1']);
  });

  it('keeps nothing without a token, nor when its size is 0', () => {
    const cache = new SubtreeListCache(100);
    cache.put(list('A', ['a1'], null));
    expect(cache.get('A')).toBeUndefined();
    const off = new SubtreeListCache(0);
    off.put(list('A', ['a1']));
    expect(off.get('A')).toBeUndefined();
  });

  it('replaces a list read afresh, and keeps rows only on the list that is cached', () => {
    const cache = new SubtreeListCache(100);
    const old = list('A', ['a1']);
    cache.put(old);
    const fresh = list('A', ['a1', 'a2'], 't2');
    cache.put(fresh);
    cache.remember(old, 'a1', row('a1'));
    expect(cache.get('A')).toBe(fresh);
    expect(cache.get('A')?.rows.size).toBe(0);
  });

  it('reads its size from ORG_SUBTREE_CACHE_ENTRIES', () => {
    expect(subtreeCacheEntriesFromEnv({})).toBe(100_000);
    expect(subtreeCacheEntriesFromEnv({ ORG_SUBTREE_CACHE_ENTRIES: '0' })).toBe(0);
    expect(subtreeCacheEntriesFromEnv({ ORG_SUBTREE_CACHE_ENTRIES: 'lots' })).toBe(100_000);
  });
});
