import type { EventEnvelope } from '@sangathan/contracts';
import { injectTraceHeaders } from '@sangathan/observability';
import type { mongo } from 'mongoose';

/**
 * Outbox without transactions: FerretDB 2 has none (and keeps the writes of a failed one), so an
 * aggregate carries its unpublished events in its own document. The state
 * change and its events are one single-document update; the relay publishes and pulls them.
 */
export type OutboxEntry = {
  eventId: string;
  topic: string;
  key: string;
  type: string;
  /** The serialized envelope, exactly as it will go on the wire. */
  value: string;
  /** W3C trace context captured when the change was made, so the trace crosses the broker. */
  headers: Record<string, string>;
  createdAt: Date;
};

/** Fields an aggregate document needs to carry an outbox (add them to its mongoose schema). */
export const OUTBOX_FIELDS = {
  outbox: 'outbox',
  /** When the relay should next look at this document; absent when the outbox is empty. */
  due: 'outboxDueAt',
  attempts: 'outboxAttempts',
} as const;

export function toOutboxEntry(event: EventEnvelope, topic: string, key: string): OutboxEntry {
  return {
    eventId: event.eventId,
    topic,
    key,
    type: event.type,
    value: JSON.stringify(event),
    headers: {
      ...injectTraceHeaders(),
      'event-type': event.type,
      'event-version': String(event.version),
      'event-id': event.eventId,
    },
    createdAt: new Date(),
  };
}

/**
 * The part of a MongoDB update that appends events to a document's outbox. Merge it into the
 * update that changes the state (`{ $set: {...}, ...withOutbox(entries) }`) so both are atomic.
 */
export function outboxUpdate(entries: OutboxEntry[]): {
  $push: mongo.MatchKeysAndValues<mongo.Document>;
  $set: mongo.MatchKeysAndValues<mongo.Document>;
} {
  return {
    $push: { [OUTBOX_FIELDS.outbox]: { $each: entries } },
    $set: { [OUTBOX_FIELDS.due]: new Date() },
  };
}

/** Fields for a document that is inserted together with its first events. */
export function outboxFieldsForInsert(entries: OutboxEntry[]): Record<string, unknown> {
  return entries.length === 0
    ? { [OUTBOX_FIELDS.outbox]: [] }
    : { [OUTBOX_FIELDS.outbox]: entries, [OUTBOX_FIELDS.due]: new Date() };
}
