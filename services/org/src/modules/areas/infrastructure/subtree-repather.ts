import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { AreaLevel } from '@sangathan/contracts';
import type { Connection } from 'mongoose';
import { AreaSubtreeIndex, indexKeysOfAll, type Placement } from './area-subtree-index';

/** Collections whose documents carry `areaId` + `ancestors` and must follow a moved area. */
export const PATHED_COLLECTIONS = ['members', 'positions', 'tasks'] as const;

const BATCH = 1000;
/**
 * Moves in flight, `{ _id: areaId, from, to }`: written before the moved area is saved, deleted once its
 * subtree is re-pathed, so that start-up finds an interrupted move by reading this small collection instead
 * of looking for `repath` markers among all areas (a whole-collection decode on FerretDB: ~50 s at 181k).
 */
export const AREA_MOVES_COLLECTION = 'area_moves';
/** Written once the areas have been searched for markers left from before AREA_MOVES_COLLECTION existed. */
const MARKERS_SCANNED = '$markers-scanned';

/**
 * Re-paths the subtree of a moved area. FerretDB has neither transactions nor pipeline updates, so
 * each document is rewritten on its own, conditional on still holding the old path (idempotent).
 * The moved area keeps a `repath` marker until every collection is done; at start the service
 * finishes any move a crash interrupted.
 */
@Injectable()
export class SubtreeRepather implements OnApplicationBootstrap {
  private readonly logger = new Logger(SubtreeRepather.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly index: AreaSubtreeIndex,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const areas = this.connection.collection('areas');
    const moves = this.connection.collection<{ _id: string }>(AREA_MOVES_COLLECTION);
    const recorded = await moves
      .find({})
      .toArray()
      .catch(() => []);
    const ids = recorded.map((m) => m._id).filter((id) => id !== MARKERS_SCANNED);
    const marked = async (filter: Document): Promise<Document[]> =>
      areas
        .find(filter, { projection: { repath: 1, lokSabhaId: 1, level: 1 } })
        .toArray()
        .catch(() => []);
    // The area's own marker is the truth: a recorded move whose area has none never saved, or finished.
    const pending = ids.length > 0 ? await marked({ _id: { $in: ids }, repath: { $exists: true } }) : [];
    if (!recorded.some((m) => m._id === MARKERS_SCANNED)) {
      // Once per database: markers of moves interrupted before moves were recorded (one scan of the areas).
      for (const doc of await marked({ repath: { $exists: true } }))
        if (!ids.includes(String(doc._id))) pending.push(doc);
      await moves.updateOne({ _id: MARKERS_SCANNED }, { $set: { at: new Date() } }, { upsert: true });
    }
    for (const doc of pending) {
      this.logger.warn(`finishing the interrupted move of ${String(doc._id)}`);
      const area = {
        id: String(doc._id),
        level: doc.level as AreaLevel,
        ancestors: doc.repath.to as string[],
      };
      await this.index.moveSubtree(await this.index.subtreeOf(area), doc.repath.from, doc.repath.to, 'add');
      await this.repath(area, doc.repath.from, doc.repath.to, doc.lokSabhaId ?? null);
    }
    const finished = new Set(pending.map((doc) => String(doc._id)));
    const abandoned = ids.filter((id) => !finished.has(id));
    if (abandoned.length > 0) await moves.deleteMany({ _id: { $in: abandoned } });
    // A database from before the subtree index existed: build it once from the areas (one scan).
    if ((await this.index.isEmpty()) && (await areas.findOne({}, { projection: { _id: 1 } }))) {
      const placements: Placement[] = [];
      for await (const doc of areas.find({}, { projection: { level: 1, ancestors: 1 }, batchSize: 10_000 })) {
        placements.push({ id: String(doc._id), level: doc.level, ancestors: doc.ancestors ?? [] });
      }
      await this.index.ensure(placements);
      this.logger.log(`built the subtree index for ${placements.length} area(s)`);
    }
  }

  /** Records a move before the moved area is saved with its `repath` marker (see AREA_MOVES_COLLECTION). */
  async record(areaId: string, from: readonly string[], to: readonly string[]): Promise<void> {
    await this.connection
      .collection(AREA_MOVES_COLLECTION)
      .replaceOne({ _id: areaId as never }, { from, to }, { upsert: true });
  }

  /**
   * Rewrites `from + [areaId]` to `to + [areaId]` at the head of every descendant's ancestors, then
   * takes the subtree off the index lists of the ancestors it left, then clears the area's marker.
   * The caller has already listed the subtree under its new ancestors (`AreaSubtreeIndex.moveSubtree`).
   */
  async repath(
    area: { id: string; level: AreaLevel },
    from: string[],
    to: string[],
    lokSabhaId: string | null,
  ): Promise<number> {
    const areaId = area.id;
    const subtree = new Map<AreaLevel, string[]>([[area.level, [areaId]]]);
    let count = await this.repathCollection('areas', { ancestors: areaId }, areaId, to, lokSabhaId, subtree);
    for (const name of PATHED_COLLECTIONS) {
      count += await this.repathCollection(
        name,
        { $or: [{ areaId }, { ancestors: areaId }] },
        areaId,
        to,
        null,
      );
    }
    // The true subtree (read from the areas themselves), not index candidates: see moveSubtree.
    await this.index.moveSubtree(subtree, from, to, 'remove');
    // The moved area's own row, wherever it was or is listed (the rows below: repathCollection).
    await this.index.invalidate(
      indexKeysOfAll([
        { level: area.level, ancestors: from },
        { level: area.level, ancestors: to },
      ]),
    );
    await this.connection
      .collection('areas')
      .updateOne({ _id: areaId as never, 'repath.to': to }, { $unset: { repath: '' } });
    await this.connection.collection(AREA_MOVES_COLLECTION).deleteOne({ _id: areaId as never, to });
    this.logger.log(
      `re-pathed ${count} document(s) under ${areaId} from ${from.join('/')} to ${to.join('/')}`,
    );
    return count;
  }

  private async repathCollection(
    name: string,
    filter: Document,
    areaId: string,
    to: string[],
    lokSabhaId: string | null,
    seen?: Map<AreaLevel, string[]>,
  ): Promise<number> {
    const collection = this.connection.collection(name);
    const cursor = collection.find(filter, { projection: { ancestors: 1, areaId: 1, level: 1 } });
    let ops: AnyBulkWriteOperation[] = [];
    // Areas re-pathed in this batch, before and after: their cached rows are dropped once written.
    let placements: Placement[] = [];
    const flush = async (): Promise<void> => {
      if (ops.length > 0) await collection.bulkWrite(ops, { ordered: false });
      if (placements.length > 0) await this.index.invalidate(indexKeysOfAll(placements));
      ops = [];
      placements = [];
    };
    let count = 0;
    for await (const doc of cursor) {
      if (seen) {
        const ids = seen.get(doc.level);
        if (ids) ids.push(String(doc._id));
        else seen.set(doc.level, [String(doc._id)]);
      }
      const ancestors: string[] = doc.ancestors ?? [];
      const at = ancestors.indexOf(areaId);
      const next = doc.areaId === areaId && at < 0 ? [...to] : [...to, areaId, ...ancestors.slice(at + 1)];
      const set: Document = { ancestors: next };
      if (name === 'areas' && ['mandal', 'sector', 'booth'].includes(doc.level)) set.lokSabhaId = lokSabhaId;
      if (JSON.stringify(next) === JSON.stringify(ancestors) && !('lokSabhaId' in set)) continue;
      ops.push({ updateOne: { filter: { _id: doc._id, ancestors }, update: { $set: set } } });
      if (name === 'areas')
        placements.push(
          { id: String(doc._id), level: doc.level, ancestors },
          { id: String(doc._id), level: doc.level, ancestors: next },
        );
      count++;
      if (ops.length >= BATCH) await flush();
    }
    await flush();
    return count;
  }
}
