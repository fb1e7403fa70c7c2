import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trace } from '@opentelemetry/api';
import { AreaCreatedV1, type EventOf } from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { KnownAreaDocument } from '../infrastructure/known-area.schema';

/**
 * Keeps the local area directory. Idempotent: the write is conditional on the event being newer
 * than the last one applied, so a duplicate or an out-of-order replay changes nothing.
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
      seatClass: payload.seatClass ?? null,
      lastEventId: event.eventId,
      traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
    };
    const updated = await this.areas.updateOne({ _id: payload.areaId, lastEventId: { $lt: event.eventId } }, { $set: fields }).exec();
    if (updated.matchedCount === 0) {
      // Not there yet (insert) or already at/after this event (duplicate: the insert hits the key and is ignored).
      await this.areas.collection.insertOne({ _id: payload.areaId, ...fields } as never).catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
    }
  }
}
