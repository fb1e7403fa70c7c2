import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { AreaLevel } from '@sangathan/contracts';
import { repath } from '@sangathan/persistence';
import type { Connection } from 'mongoose';

/** Collections whose documents carry `areaId` + `ancestors` and must follow a moved area. */
export const PATHED_COLLECTIONS = ['members', 'positions', 'tasks'] as const;

const BATCH = 1000;

/**
 * Re-paths the subtree of a moved area. Without multi-document transactions (FerretDB 2) and
 * without pipeline updates, each document is rewritten on its own, conditional on still holding the
 * old path (idempotent). The moved area keeps a `repath` marker until every collection is done; at
 * start the service finishes any move a crash interrupted.
 */
@Injectable()
export class SubtreeRepathRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger(SubtreeRepathRepository.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** Finishes the moves a crash interrupted: areas still carrying a marker (found through the sparse `repath` index). */
  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.connection
      .collection('areas')
      .find({ repath: { $exists: true } }, { projection: { repath: 1, lokSabhaId: 1, level: 1 } })
      .toArray();
    for (const doc of pending) {
      this.logger.warn(`finishing the interrupted move of ${String(doc._id)}`);
      await this.repath(
        { id: String(doc._id), level: doc.level as AreaLevel },
        doc.repath.from,
        doc.repath.to,
        doc.lokSabhaId ?? null,
      );
    }
  }

  /**
   * Rewrites `from + [areaId]` to `to + [areaId]` at the head of every descendant's ancestors, then
   * clears the area's marker.
   */
  async repath(
    area: { id: string; level: AreaLevel },
    from: string[],
    to: string[],
    lokSabhaId: string | null,
  ): Promise<number> {
    const areaId = area.id;
    let count = await this.repathCollection('areas', { ancestors: areaId }, areaId, to, lokSabhaId);
    for (const name of PATHED_COLLECTIONS) {
      count += await this.repathCollection(
        name,
        { $or: [{ areaId }, { ancestors: areaId }] },
        areaId,
        to,
        null,
      );
    }
    await this.connection
      .collection('areas')
      .updateOne({ _id: areaId as never, 'repath.to': to }, { $unset: { repath: '' } });
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
  ): Promise<number> {
    const collection = this.connection.collection(name);
    const cursor = collection.find(filter, { projection: { ancestors: 1, areaId: 1, level: 1 } });
    let ops: AnyBulkWriteOperation[] = [];
    let count = 0;
    for await (const doc of cursor) {
      const ancestors: string[] = doc.ancestors ?? [];
      // A document of the moved area itself (a member living there) has the area's own path, without it.
      const next =
        doc.areaId === areaId && !ancestors.includes(areaId) ? [...to] : repath(ancestors, areaId, to);
      const set: Document = { ancestors: next };
      if (name === 'areas' && ['mandal', 'sector', 'booth'].includes(doc.level)) set.lokSabhaId = lokSabhaId;
      if (JSON.stringify(next) === JSON.stringify(ancestors) && !('lokSabhaId' in set)) continue;
      ops.push({ updateOne: { filter: { _id: doc._id, ancestors }, update: { $set: set } } });
      count++;
      if (ops.length >= BATCH) {
        await collection.bulkWrite(ops, { ordered: false });
        ops = [];
      }
    }
    if (ops.length > 0) await collection.bulkWrite(ops, { ordered: false });
    return count;
  }
}
