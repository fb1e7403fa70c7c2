import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trace } from '@opentelemetry/api';
import { AreaCreatedV1, type AreaSnapshot } from '@sangathan/contracts';
import type { DeliveredEvent, IntegrationEventHandler } from '@sangathan/messaging';
import { insertIgnoringDuplicates } from '@sangathan/persistence';
import type { Model } from 'mongoose';
import { KnownAreaDocument } from '../infrastructure/known-area.schema';

/**
 * Keeps the local area directory. Idempotent: a write is conditional on the event being newer
 * than the last one applied, so a duplicate or an out-of-order replay changes nothing.
 * Batched (one read and at most two bulk writes per consumed batch): a full-scale hierarchy is
 * ~180k events, which one round trip per event could not keep up with.
 */
@Injectable()
export class AreaCreatedConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [AreaCreatedV1];

  constructor(@InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>) {}

  async handleBatch(events: DeliveredEvent[]): Promise<void> {
    const traceId = trace.getActiveSpan()?.spanContext().traceId ?? null;
    // Latest event per area within the batch.
    const latest = new Map<string, { eventId: string; payload: AreaSnapshot }>();
    for (const { event } of events) {
      const payload = event.payload as AreaSnapshot;
      const seen = latest.get(payload.areaId);
      if (!seen || seen.eventId < event.eventId) latest.set(payload.areaId, { eventId: event.eventId, payload });
    }
    const fieldsOf = (eventId: string, payload: AreaSnapshot) => ({
      level: payload.level,
      parentId: payload.parentId,
      ancestors: payload.ancestors,
      nameEn: payload.nameEn,
      nameHi: payload.nameHi,
      seatClass: payload.seatClass ?? null,
      lastEventId: eventId,
      traceId,
    });
    const entries = [...latest];
    // Insert all; the ones already known fail on the key (every access is by _id: FerretDB scans anything else).
    const { duplicates } = await insertIgnoringDuplicates(
      this.areas.collection,
      entries.map(([id, { eventId, payload }]) => ({ _id: id, ...fieldsOf(eventId, payload) })) as never[],
    );
    const existing = new Set(duplicates.map((index) => entries[index][0]));
    if (existing.size > 0) {
      // Known areas change only if this event is newer than the last one applied.
      await this.areas.collection.bulkWrite(
        entries
          .filter(([id]) => existing.has(id))
          .map(([id, { eventId, payload }]) => ({
            updateOne: { filter: { _id: id, lastEventId: { $lt: eventId } }, update: { $set: fieldsOf(eventId, payload) } },
          })) as never,
        { ordered: false },
      );
    }
  }
}
