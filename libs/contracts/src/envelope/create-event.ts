import { uuidv7 } from '@sangathan/kernel';
import type { EventDefinition } from './event-definition';
import type { EventEnvelope } from './event-envelope';

export type EventContext = {
  producer: string;
  areaId: string;
  areaPath: string[];
  actorId: string | null;
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
};

/**
 * Builds a validated envelope for `definition`. Throws if the payload does not match its schema,
 * so a producer can never put an invalid event into its outbox.
 */
export function createEvent<TPayload>(
  definition: EventDefinition<TPayload>,
  payload: TPayload,
  context: EventContext,
): EventEnvelope<TPayload> {
  const parsed = definition.payload.parse(payload);
  return {
    eventId: uuidv7(),
    type: definition.type,
    version: definition.version,
    occurredAt: (context.occurredAt ?? new Date()).toISOString(),
    producer: context.producer,
    areaId: context.areaId,
    areaPath: context.areaPath,
    actorId: context.actorId,
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    payload: parsed,
  };
}
