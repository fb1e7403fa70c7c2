import type { AreaLevel } from '@sangathan/contracts';
import { insertIgnoringDuplicates } from '@sangathan/persistence';
import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { LEVEL_RANK } from '../domain/area-hierarchy';
import type { AreaRow } from './area.mapper';
import { type CachedList, SubtreeListCache, subtreeCacheEntriesFromEnv } from './area-subtree-cache';

/** Collection of the subtree index: `{ _id: '<ancestorId>/<level>', ids: [descendant ids at that level] }`. */
export const SUBTREE_INDEX_COLLECTION = 'area_subtree';
/**
 * Collection of the stamps of the lists: `{ _id: '<ancestorId>/<level>', token }`. A reader that caches a
 * list (and rows read through it) creates the stamp first; every writer that changes the list, or an area
 * listed in it, deletes the stamp after its write. See `AreaSubtreeIndex.lists`.
 */
export const SUBTREE_STAMP_COLLECTION = 'area_subtree_stamps';

/**
 * Depth of the first ancestor for which every descendant level is indexed. Every path starts
 * national > state > zone > district, so depth 3 is the district: a district's list holds a few
 * thousand booths at most, while the state's would hold every booth of the state (megabytes,
 * rewritten by each new booth). Above the district only the small levels are kept, and a listing
 * of, say, all booths of a zone goes through its districts (two index reads).
 */
const FULL_FROM_DEPTH = 3;
/** Levels that are indexed under every ancestor, whatever its depth (at most a few hundred per state). */
const SMALL_LEVELS: ReadonlySet<AreaLevel> = new Set(['state', 'zone', 'district', 'lok-sabha']);

type IndexDoc = { _id: string; ids: string[] };
type StampDoc = { _id: string; token: string };

/** Where an area sits, as the index needs it. */
export type Placement = { id: string; level: AreaLevel; ancestors: readonly string[] };

export const subtreeKey = (ancestorId: string, level: AreaLevel): string => `${ancestorId}/${level}`;

/** Whether the ancestor at `depth` (0 = national) keeps the list of its descendants at `level`. */
export const isIndexed = (depth: number, level: AreaLevel): boolean =>
  depth >= FULL_FROM_DEPTH || SMALL_LEVELS.has(level);

/** The index documents an area at `level` with these ancestors (root first) must be listed in. */
export function indexKeysOf(level: AreaLevel, ancestors: readonly string[]): string[] {
  return ancestors.flatMap((ancestorId, depth) =>
    isIndexed(depth, level) ? [subtreeKey(ancestorId, level)] : [],
  );
}

/** The distinct index keys of several placements (an area before and after a move, a chunk of an import). */
export function indexKeysOfAll(
  placements: Iterable<{ level: AreaLevel; ancestors: readonly string[] }>,
): string[] {
  const keys = new Set<string>();
  for (const p of placements) for (const key of indexKeysOf(p.level, p.ancestors)) keys.add(key);
  return [...keys];
}

/** Levels strictly below `level` in the tree. */
export function levelsBelow(level: AreaLevel): AreaLevel[] {
  return (Object.keys(LEVEL_RANK) as AreaLevel[]).filter(
    (l) => LEVEL_RANK[l] > LEVEL_RANK[level] && l !== 'national',
  );
}

/**
 * A per-ancestor, per-level list of descendant ids, so a subtree page is `_id` lookups (a district's
 * booths: one index document, then one `_id $in` for the page) instead of a query on `ancestors`,
 * which FerretDB on SQLite evaluates over the whole areas collection.
 *
 * Consistency without transactions: the index is kept a **superset** of the truth. Ids are added
 * before the area document is written (create, move) and removed only after the area has left
 * (move). A crash in between leaves extra ids, never missing ones, and every reader checks the
 * rows it fetches against their own `ancestors` and `level` (the truth), so extra ids cost a
 * lookup and show nothing. An interrupted move is finished at start-up (its `repath` marker), which
 * redoes the index changes; a failed create leaves an id that resolves to no area or to one
 * elsewhere, and is filtered out.
 *
 * Reads go through an in-process cache of lists and of the rows read through them, checked against
 * the lists' stamps on every read (see `lists`), so a warm page is two small `_id` reads.
 */
export class AreaSubtreeIndex {
  constructor(
    private readonly db: () => Db,
    private readonly cache = new SubtreeListCache(subtreeCacheEntriesFromEnv()),
  ) {}

  private get collection(): Collection<IndexDoc> {
    return this.db().collection<IndexDoc>(SUBTREE_INDEX_COLLECTION);
  }

  private get stamps(): Collection<StampDoc> {
    return this.db().collection<StampDoc>(SUBTREE_STAMP_COLLECTION);
  }

  /** Adds one area to every list it belongs in (before the area is written). */
  async add(id: string, level: AreaLevel, ancestors: readonly string[]): Promise<void> {
    await this.addMany(new Map(indexKeysOf(level, ancestors).map((key) => [key, [id]])));
  }

  /** `$addToSet` of the given ids per key, upserting missing lists. */
  async addMany(byKey: Map<string, string[]>): Promise<void> {
    const ops: AnyBulkWriteOperation<IndexDoc>[] = [...byKey]
      .filter(([, ids]) => ids.length > 0)
      .map(([key, ids]) => ({
        updateOne: { filter: { _id: key }, update: { $addToSet: { ids: { $each: ids } } }, upsert: true },
      }));
    for (let i = 0; i < ops.length; i += BULK_CHUNK)
      await this.collection.bulkWrite(ops.slice(i, i + BULK_CHUNK), { ordered: false });
    await this.invalidate([...byKey.keys()]);
  }

  /** `$pullAll` of the given ids per key (exact values: FerretDB ignores `$pull` conditions). */
  async removeMany(byKey: Map<string, string[]>): Promise<void> {
    const ops: AnyBulkWriteOperation<IndexDoc>[] = [...byKey]
      .filter(([, ids]) => ids.length > 0)
      .map(([key, ids]) => ({
        updateOne: { filter: { _id: key }, update: { $pullAll: { ids } } },
      }));
    for (let i = 0; i < ops.length; i += BULK_CHUNK)
      await this.collection.bulkWrite(ops.slice(i, i + BULK_CHUNK), { ordered: false });
    await this.invalidate([...byKey.keys()]);
  }

  /**
   * Deletes the stamps of these lists, so every process re-reads them and the rows read through them.
   * Called after any write that changes a list or an area listed in it (its fields or its place),
   * before the write is acknowledged to anyone.
   */
  async invalidate(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += READ_CHUNK)
      await this.stamps.deleteMany({ _id: { $in: keys.slice(i, i + READ_CHUNK) } });
  }

  /**
   * Makes sure every placement is listed where it belongs: reads those lists by `_id`, inserts the
   * missing lists whole and adds missing ids to the others (bulk import, start-up rebuild). Writes
   * nothing when all are listed already, so re-importing an unchanged file costs one read.
   */
  async ensure(placements: Iterable<Placement>, chunkSize = 2000): Promise<void> {
    const wanted = new Map<string, string[]>();
    for (const p of placements) {
      for (const key of indexKeysOf(p.level, p.ancestors)) {
        const ids = wanted.get(key);
        if (ids) ids.push(p.id);
        else wanted.set(key, [p.id]);
      }
    }
    const stored = await this.read([...wanted.keys()]);
    const inserts: IndexDoc[] = [];
    const additions = new Map<string, string[]>();
    for (const [key, ids] of wanted) {
      const have = stored.get(key);
      if (!have) {
        inserts.push({ _id: key, ids });
        continue;
      }
      const known = new Set(have);
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) additions.set(key, missing);
    }
    for (let i = 0; i < inserts.length; i += chunkSize) {
      const batch = inserts.slice(i, i + chunkSize);
      // Someone created some of these lists meanwhile: add to them instead.
      const { duplicates } = await insertIgnoringDuplicates(this.collection, batch);
      for (const index of duplicates) additions.set(batch[index]._id, batch[index].ids);
    }
    await this.invalidate(inserts.map((doc) => doc._id));
    await this.addMany(additions);
  }

  /** True when the index has no list at all (a database from before it existed: rebuild it). */
  async isEmpty(): Promise<boolean> {
    return (await this.collection.findOne({}, { projection: { _id: 1 } })) === null;
  }

  /**
   * Index changes of a move of an area and its subtree from `from` to `to` (the area's ancestors).
   * `add` lists `subtree` (ids by level, the area itself included) under the ancestors it gains and
   * runs before the area is written; a superset is fine there (see `subtreeOf`). `remove` takes it off
   * the ancestors it leaves once every document is re-pathed, and must be given the true subtree
   * (ids read from the areas themselves), never index candidates: a stray id in the moved area's lists
   * may belong to an area that still lives under an ancestor being left. Both are idempotent, so an
   * interrupted move is finished by running them again.
   */
  async moveSubtree(
    subtree: Map<AreaLevel, string[]>,
    from: readonly string[],
    to: readonly string[],
    step: 'add' | 'remove',
  ): Promise<void> {
    const [path, other] = step === 'add' ? [to, from] : [from, to];
    const changes = new Map<string, string[]>();
    path.forEach((ancestorId, depth) => {
      if (other.includes(ancestorId)) return;
      for (const [level, ids] of subtree)
        if (isIndexed(depth, level) && ids.length > 0) changes.set(subtreeKey(ancestorId, level), ids);
    });
    if (step === 'add') await this.addMany(changes);
    else await this.removeMany(changes);
  }

  /** Candidate ids (a superset) of an area and everything below it, by level, for `moveSubtree(…, 'add')`. */
  async subtreeOf(area: {
    id: string;
    level: AreaLevel;
    ancestors: readonly string[];
  }): Promise<Map<AreaLevel, string[]>> {
    const below = await this.candidates(area, levelsBelow(area.level));
    const own = below.get(area.level) ?? [];
    return new Map([...below, [area.level, [...own, area.id]]]);
  }

  /**
   * Candidate ids of the descendants of `root` at each of `levels` (a superset of the truth: check
   * the rows), from `lists`.
   */
  async candidates(
    root: { id: string; ancestors: readonly string[] },
    levels: readonly AreaLevel[],
  ): Promise<Map<AreaLevel, string[]>> {
    const lists = await this.lists(root, levels);
    return new Map([...lists].map(([level, parts]) => [level, parts.flatMap((list) => list.ids)]));
  }

  /**
   * The lists holding the descendants of `root` at each of `levels`, ids sorted: the root's own lists,
   * or its districts' lists when the root sits above the districts and a deep level is asked for.
   */
  async lists(
    root: { id: string; ancestors: readonly string[] },
    levels: readonly AreaLevel[],
  ): Promise<Map<AreaLevel, CachedList[]>> {
    const depth = root.ancestors.length;
    const direct = levels.filter((l) => isIndexed(depth, l));
    const viaDistricts = levels.filter((l) => !isIndexed(depth, l));
    const keys = direct.map((l) => subtreeKey(root.id, l));
    if (viaDistricts.length > 0 && !direct.includes('district')) keys.push(subtreeKey(root.id, 'district'));
    const found = await this.cachedLists(keys);
    const result = new Map<AreaLevel, CachedList[]>();
    for (const level of direct) result.set(level, [found.get(subtreeKey(root.id, level))!]);
    if (viaDistricts.length > 0) {
      const districts = found.get(subtreeKey(root.id, 'district'))!.ids;
      const deep = await this.cachedLists(
        districts.flatMap((d) => viaDistricts.map((l) => subtreeKey(d, l))),
      );
      for (const level of viaDistricts)
        result.set(
          level,
          districts.map((d) => deep.get(subtreeKey(d, level))!),
        );
    }
    return result;
  }

  /** Keeps an area row read through `list` for the next reader (see `CachedList`). */
  remember(list: CachedList, id: string, row: AreaRow | null): void {
    this.cache.remember(list, id, row);
  }

  /**
   * The lists under `keys` (a missing list is an empty one), from the cache when its token is still
   * the list's stamp, else read afresh. Why a cached list is never missing an acknowledged change: a
   * writer deletes the stamps of the lists it touched after its write; a reader creates a missing
   * stamp with a new random token *before* reading the list and the rows. So if a reader finds the
   * token its copy was read under, that stamp was created after every deletion acknowledged so far,
   * hence the copy was read after the writes they followed. Stamps are only inserted and deleted,
   * never updated, so FerretDB's lost concurrent updates cannot bring an old token back; it holds for
   * any number of replicas. Costs one `_id $in` on the stamps per read.
   */
  private async cachedLists(keys: string[]): Promise<Map<string, CachedList>> {
    const tokens = new Map<string, string>();
    for (let i = 0; i < keys.length; i += READ_CHUNK) {
      for (const stamp of await this.stamps.find({ _id: { $in: keys.slice(i, i + READ_CHUNK) } }).toArray())
        tokens.set(stamp._id, stamp.token);
    }
    const result = new Map<string, CachedList>();
    const stale: string[] = [];
    for (const key of keys) {
      const cached = this.cache.get(key);
      if (cached && cached.token === tokens.get(key)) result.set(key, cached);
      else stale.push(key);
    }
    if (stale.length === 0) return result;
    const fresh = stale.filter((key) => !tokens.has(key)).map((key) => ({ _id: key, token: randomUUID() }));
    const { duplicates } = await insertIgnoringDuplicates(this.stamps, fresh);
    const taken = new Set(duplicates.map((index) => fresh[index]._id));
    for (const stamp of fresh) if (!taken.has(stamp._id)) tokens.set(stamp._id, stamp.token);
    // Another reader stamped these first: use its token (if a writer deleted it meanwhile, do not cache).
    if (taken.size > 0)
      for (const stamp of await this.stamps.find({ _id: { $in: [...taken] } }).toArray())
        tokens.set(stamp._id, stamp.token);
    const stored = await this.read(stale);
    for (const key of stale) {
      const list: CachedList = {
        key,
        token: tokens.get(key) ?? null,
        ids: [...(stored.get(key) ?? [])].sort(),
        rows: new Map(),
      };
      this.cache.put(list);
      result.set(key, list);
    }
    return result;
  }

  private async read(keys: string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (let i = 0; i < keys.length; i += READ_CHUNK) {
      const docs = await this.collection.find({ _id: { $in: keys.slice(i, i + READ_CHUNK) } }).toArray();
      for (const doc of docs) found.set(doc._id, doc.ids);
    }
    return found;
  }
}

const BULK_CHUNK = 50;
const READ_CHUNK = 500;
