import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AREA_LEVELS, type AreaLevel } from '@sangathan/contracts';
import { ConflictError, ConcurrentChangeError } from '@sangathan/kernel';
import { outboxFieldsForInsert, outboxUpdate, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { Area } from '../domain/area.entity';
import { AreaMapper, type AreaRow } from './area.mapper';
import type { AreaRepository, LoadedArea } from './area.repository.port';
import { AreaDocument } from './area.schema';
import { AreaSubtreeIndex, indexKeysOf, levelsBelow } from './area-subtree-index';
import type { CachedList } from './area-subtree-cache';
import { SubtreeRepather } from './subtree-repather';

const ROW_PROJECTION = { outbox: 0, outboxDueAt: 0, booth: 0 } as const;
/** Above this many areas a count per level is nine indexed counts (MongoDB) rather than `_id` lookups. */
const COUNT_BY_LOOKUP_MAX = 5000;

@Injectable()
export class AreaMongoRepository implements AreaRepository {
  constructor(
    @InjectModel(AreaDocument.name) private readonly areas: Model<AreaDocument>,
    private readonly repather: SubtreeRepather,
    private readonly index: AreaSubtreeIndex,
  ) {}

  async findById(id: string): Promise<Area | null> {
    return (await this.load(id))?.area ?? null;
  }

  async load(id: string): Promise<LoadedArea | null> {
    const doc = await this.areas.collection.findOne({ _id: id as never }, { projection: ROW_PROJECTION });
    return doc
      ? {
          area: AreaMapper.toDomain(doc as unknown as AreaRow),
          version: (doc.version as number | undefined) ?? 0,
        }
      : null;
  }

  async insert(area: Area, events: OutboxEntry[]): Promise<void> {
    // Listed in the subtree index first: the index may hold an id too many, never one too few.
    await this.index.add(area.id, area.level, area.ancestors);
    try {
      const now = new Date();
      await this.areas.collection.insertOne({
        ...AreaMapper.toPersistence(area),
        version: 0,
        ...outboxFieldsForInsert(events),
        createdAt: now,
        updatedAt: now,
      } as never);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        throw new ConflictError('AREA_EXISTS', `area ${area.id} already exists`, [
          { field: 'code', message: 'already used' },
        ]);
      }
      throw error;
    } finally {
      // A reader may have cached "no such area" between the index write and the insert.
      await this.index.invalidate(indexKeysOf(area.level, area.ancestors));
    }
  }

  async update(area: Area, version: number, events: OutboxEntry[]): Promise<void> {
    await this.conditionalSave(area, version, events, {});
    await this.index.invalidate(indexKeysOf(area.level, area.ancestors));
  }

  async move(
    area: Area,
    version: number,
    previousAncestors: string[],
    events: OutboxEntry[],
  ): Promise<number> {
    await this.index.moveSubtree(await this.index.subtreeOf(area), previousAncestors, area.ancestors, 'add');
    await this.repather.record(area.id, previousAncestors, area.ancestors);
    await this.conditionalSave(area, version, events, {
      repath: { from: previousAncestors, to: area.ancestors },
    });
    return this.repather.repath(area, previousAncestors, area.ancestors, area.lokSabhaId);
  }

  countDescendants(id: string): Promise<number> {
    return this.areas.collection.countDocuments({ ancestors: id });
  }

  async list(filter: Record<string, unknown>, limit: number): Promise<AreaRow[]> {
    const rows = await this.areas.collection
      .find(filter, { projection: ROW_PROJECTION })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return rows as unknown as AreaRow[];
  }

  async listSubtree(
    root: { id: string; ancestors: readonly string[] },
    level: AreaLevel | undefined,
    afterId: string | undefined,
    limit: number,
    matches?: (row: AreaRow) => boolean,
  ): Promise<AreaRow[]> {
    const lists = [
      ...(await this.index.lists(root, level ? [level] : levelsBelow('national'))).values(),
    ].flat();
    // Each id with the list it was found in (where its row is cached); one list is sorted already.
    const listOf = new Map<string, CachedList>();
    for (const list of lists) for (const id of list.ids) if (!listOf.has(id)) listOf.set(id, list);
    const ids = lists.length === 1 ? lists[0].ids : [...listOf.keys()].sort();
    const rows: AreaRow[] = [];
    // The index may list an id too many: keep only rows that really sit under the root, at the level.
    const keep = (row: AreaRow | null | undefined): void => {
      if (
        row &&
        row.ancestors.includes(root.id) &&
        (!level || row.level === level) &&
        (!matches || matches(row))
      )
        rows.push(row);
    };
    let at = afterId === undefined ? 0 : upperBound(ids, afterId);
    while (rows.length < limit && at < ids.length) {
      // A filter may skip most rows: read more at a time then.
      const batch = ids.slice(at, at + Math.max(limit - rows.length, matches ? 500 : 20));
      at += batch.length;
      const missing = batch.filter((id) => !listOf.get(id)!.rows.has(id));
      const docs =
        missing.length === 0
          ? []
          : ((await this.areas.collection
              .find({ _id: { $in: missing as never[] } }, { projection: ROW_PROJECTION })
              .toArray()) as unknown as AreaRow[]);
      const byId = new Map(docs.map((d) => [d._id, d]));
      for (const id of missing) this.index.remember(listOf.get(id)!, id, byId.get(id) ?? null);
      for (const id of batch) keep(listOf.get(id)!.rows.get(id));
    }
    return rows.slice(0, limit);
  }

  async subtreeAreaIds(
    root: { id: string; ancestors: readonly string[] },
    max: number,
  ): Promise<string[] | null> {
    const candidates = await this.index.candidates(root, levelsBelow('national'));
    const ids = [...new Set([root.id, ...[...candidates.values()].flat()])];
    return ids.length > max ? null : ids;
  }

  async countByLevel(root: {
    id: string;
    ancestors: readonly string[];
  }): Promise<Partial<Record<AreaLevel, number>>> {
    const counts: Partial<Record<AreaLevel, number>> = {};
    // A subtree of at most COUNT_BY_LOOKUP_MAX areas: its index candidates read by `_id` and checked against their own path.
    const ids = await this.subtreeAreaIds(root, COUNT_BY_LOOKUP_MAX);
    if (ids) {
      for (let i = 1; i < ids.length; i += 1000) {
        const docs = await this.areas.collection
          .find(
            { _id: { $in: ids.slice(i, i + 1000) as never[] } },
            { projection: { level: 1, ancestors: 1 } },
          )
          .toArray();
        for (const doc of docs)
          if ((doc.ancestors as string[]).includes(root.id))
            counts[doc.level as AreaLevel] = (counts[doc.level as AreaLevel] ?? 0) + 1;
      }
      return counts;
    }
    const ancestorId = root.id;
    // One indexed count per level: FerretDB's $group is limited, and there are only nine levels.
    await Promise.all(
      AREA_LEVELS.map(async (level) => {
        const n = await this.areas.collection.countDocuments({ ancestors: ancestorId, level });
        if (n > 0) counts[level] = n;
      }),
    );
    return counts;
  }

  private async conditionalSave(
    area: Area,
    version: number,
    events: OutboxEntry[],
    extra: Record<string, unknown>,
  ): Promise<void> {
    const { _id, ...fields } = AreaMapper.toPersistence(area);
    const withOutbox = outboxUpdate(events);
    const result = await this.areas.collection.updateOne(
      // Documents written before versions existed have none; `null` matches a missing field.
      { _id: _id as never, version: version === 0 ? { $in: [0, null] } : version },
      {
        $set: { ...fields, ...extra, ...withOutbox.$set, updatedAt: new Date(), version: version + 1 },
        $push: withOutbox.$push,
      } as never,
    );
    if (result.matchedCount === 0) {
      throw new ConcurrentChangeError('AREA_CHANGED', `area ${_id} changed meanwhile; reload and retry`, [
        { field: 'id', message: 'concurrent update' },
      ]);
    }
  }
}

/** Index of the first element greater than `value` in a sorted array. */
function upperBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
