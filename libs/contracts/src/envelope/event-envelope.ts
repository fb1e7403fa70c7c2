import { z } from 'zod';
import { UUID_V7_PATTERN } from '@sangathan/kernel';

/**
 * The envelope every integration event travels in. The payload schema depends on
 * (`type`, `version`); see the event definitions and docs/events.md.
 */
export const eventEnvelopeSchema = z.object({
  /** Unique id of this event (UUIDv7, time-ordered); consumers deduplicate on it. */
  eventId: z.string().regex(UUID_V7_PATTERN, 'eventId must be a UUIDv7'),
  /** `<domain>.<aggregate>.<past-verb>`, e.g. `org.area.created`. */
  type: z.string().regex(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/),
  /** Payload schema version; breaking changes add a version, additive ones keep it. */
  version: z.number().int().positive(),
  /** When the change happened in the producing service (ISO-8601, UTC). */
  occurredAt: z.iso.datetime({ offset: true }),
  /** Service that produced the event, e.g. `org`. */
  producer: z.string().min(1),
  /** Area of the hierarchy the event belongs to (for scope and rollups). */
  areaId: z.string().min(1),
  /** Ancestors of `areaId`, root first, excluding the area itself. */
  areaPath: z.array(z.string().min(1)),
  /** Member who caused the change, or null for system actions. */
  actorId: z.string().min(1).nullable(),
  /** Id shared by every event caused by one user request. */
  correlationId: z.string().min(1),
  /** eventId of the event that caused this one, if any. */
  causationId: z.string().min(1).nullable(),
  /** Type-specific body, validated against the definition for (`type`, `version`). */
  payload: z.unknown(),
});

export type EventEnvelope<TPayload = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'payload'> & {
  payload: TPayload;
};
