import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  AreaCreatedV1,
  AreaMovedV1,
  AreaReclassifiedV1,
  AreaUpdatedV1,
  type EventEnvelope,
  type AreaSnapshot,
} from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { repath } from '../domain/repath';
import { AreaRepather } from '../infrastructure/area-repather';
import { KnownAreaDocument } from '../infrastructure/known-area.schema';

/**
 * Keeps the local area directory the meetings service checks areas and scope against, from every
 * org.area.* event (each carries the area's full snapshot). Idempotent: the update only applies
 * when the event is newer than the last one applied; a duplicate insert hits the primary key and is
 * ignored. `geo` is ours and never overwritten. A move also re-paths the descendants here and the
 * meetings and photos stored under the area (see AreaRepather).
 */
@Injectable()
export class AreaCreatedConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [AreaCreatedV1, AreaUpdatedV1, AreaReclassifiedV1, AreaMovedV1];

  constructor(
    @InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>,
    private readonly repather: AreaRepather,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const payload = event.payload as AreaSnapshot;
    const fields = {
      level: payload.level,
      parentId: payload.parentId,
      ancestors: payload.ancestors,
      nameEn: payload.nameEn,
      nameHi: payload.nameHi,
      lastEventId: event.eventId,
    };
    const updated = await this.areas
      .updateOne({ _id: payload.areaId, lastEventId: { $lt: event.eventId } }, { $set: fields })
      .exec();
    if (updated.matchedCount === 0) {
      await this.areas.collection
        .insertOne({ _id: payload.areaId, ...fields, geo: null } as never)
        .catch((error: { code?: number }) => {
          if (error.code !== 11000) throw error;
        });
    }
    if (event.type === AreaMovedV1.type) {
      const descendants = await this.areas
        .find({ ancestors: payload.areaId }, { ancestors: 1 })
        .lean<Pick<KnownAreaDocument, '_id' | 'ancestors'>[]>()
        .exec();
      for (const d of descendants) {
        await this.areas
          .updateOne(
            { _id: d._id },
            { $set: { ancestors: repath(d.ancestors, payload.areaId, payload.ancestors) } },
          )
          .exec();
      }
      await this.repather.repath(payload.areaId, payload.ancestors);
    }
  }
}
