import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  AreaCreatedV1,
  AreaMovedV1,
  AreaReclassifiedV1,
  AreaUpdatedV1,
  type AreaSnapshot,
  type EventEnvelope,
} from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { KnownAreaDocument, KnownPositionDocument } from '../infrastructure/directory.schemas';
import { upsertIfNewer } from '../infrastructure/upsert-if-newer';

/**
 * Keeps the local area directory (plan areas, scope, size figures for targets, Lok Sabha
 * cross-links). Every area event carries the full snapshot, so each one is an idempotent upsert
 * guarded by event order. A move re-paths the subtree here too (org sends one event, not one per
 * descendant); re-pathing is a prefix rewrite, so replaying it changes nothing.
 */
@Injectable()
export class OrgAreaConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [AreaCreatedV1, AreaUpdatedV1, AreaReclassifiedV1, AreaMovedV1];

  constructor(
    @InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>,
    @InjectModel(KnownPositionDocument.name) private readonly positions: Model<KnownPositionDocument>,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const payload = event.payload as AreaSnapshot & { previousAncestors?: string[] };
    await upsertIfNewer(this.areas, payload.areaId, event.eventId, {
      level: payload.level,
      parentId: payload.parentId,
      ancestors: payload.ancestors,
      nameEn: payload.nameEn,
      nameHi: payload.nameHi,
      lokSabhaId: payload.lokSabhaId ?? null,
      boothCount: payload.boothCount ?? null,
      voterCount: payload.voterCount ?? null,
    });
    if (event.type === AreaMovedV1.type && payload.previousAncestors) {
      await this.repath(this.areas, payload.areaId, payload.previousAncestors, payload.ancestors);
      await this.repath(this.positions, payload.areaId, payload.previousAncestors, payload.ancestors);
    }
  }

  private async repath(
    model: Model<KnownAreaDocument> | Model<KnownPositionDocument>,
    areaId: string,
    before: string[],
    after: string[],
  ): Promise<void> {
    const oldPrefix = [...before, areaId];
    const docs = await (model as Model<KnownAreaDocument>)
      .find({ ancestors: areaId }, { ancestors: 1 })
      .lean()
      .exec();
    const writes = docs
      .filter((doc) => oldPrefix.every((id, i) => doc.ancestors[i] === id))
      .map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $set: { ancestors: [...after, areaId, ...doc.ancestors.slice(oldPrefix.length)] } },
        },
      }));
    if (writes.length)
      await (model as Model<KnownAreaDocument>).bulkWrite(writes as never, { ordered: false });
  }
}
