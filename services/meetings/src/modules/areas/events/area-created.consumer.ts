import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AreaCreatedV1, type EventOf } from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { KnownAreaDocument } from '../infrastructure/known-area.schema';

/**
 * Keeps the local area directory the meetings service checks areas and scope against.
 * Idempotent: the update only applies when the event is newer than the last one applied; a
 * duplicate insert hits the primary key and is ignored. `geo` is ours and never overwritten.
 */
@Injectable()
export class AreaCreatedConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [AreaCreatedV1];

  constructor(@InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>) {}

  async handle(event: EventOf<typeof AreaCreatedV1>): Promise<void> {
    const { payload } = event;
    const fields = {
      level: payload.level,
      parentId: payload.parentId,
      ancestors: payload.ancestors,
      nameEn: payload.nameEn,
      nameHi: payload.nameHi,
      lastEventId: event.eventId,
    };
    const updated = await this.areas.updateOne({ _id: payload.areaId, lastEventId: { $lt: event.eventId } }, { $set: fields }).exec();
    if (updated.matchedCount === 0) {
      await this.areas.collection.insertOne({ _id: payload.areaId, ...fields, geo: null } as never).catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
    }
  }
}
