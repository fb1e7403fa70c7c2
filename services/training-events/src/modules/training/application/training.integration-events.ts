import { createEvent, type EventDefinition } from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';

export const TRAINING_SERVICE = 'training-events';

export type RequestContext = { actorId: string | null; correlationId: string; causationId?: string | null };

/** Where the event belongs: the area the aggregate serves and its ancestors. */
export type EventPlace = { areaId: string; ancestors: readonly string[] };

/**
 * Builds one validated outbox entry: the payload is parsed against the contract here, so an
 * invalid event fails the request before anything is written.
 */
export function outboxEvent<P>(
  definition: EventDefinition<P>,
  payload: P,
  key: string,
  place: EventPlace,
  ctx: RequestContext,
  occurredAt?: Date,
): OutboxEntry {
  const envelope = createEvent(definition, payload, {
    producer: TRAINING_SERVICE,
    areaId: place.areaId,
    areaPath: [...place.ancestors],
    actorId: ctx.actorId,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId ?? null,
    occurredAt,
  });
  return toOutboxEntry(envelope, definition.topic, key);
}

export const iso = (date: Date): string => date.toISOString();
