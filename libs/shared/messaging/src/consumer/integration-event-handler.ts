import type { EventDefinition, EventEnvelope } from '@sangathan/contracts';

/** Where an event was read from; handlers that fold offsets into their state use it. */
export type DeliveryInfo = { topic: string; partition: number; offset: string };

export type DeliveredEvent<TPayload = unknown> = { event: EventEnvelope<TPayload>; delivery: DeliveryInfo };

/**
 * A consumer of integration events. Implement `handle` for one-at-a-time processing, or
 * `handleBatch` to fold a whole poll into few database writes (analytics does). Either way it
 * must be idempotent: the same event may arrive twice (at-least-once delivery).
 *
 * Throw `PermanentEventError` for an event that can never be applied (it goes to the DLQ);
 * any other error is retried, forever while the database or broker is unreachable.
 */
export interface IntegrationEventHandler {
  /** The (type, version) pairs this handler applies; other events on the same topics are skipped. */
  readonly subscribesTo: readonly EventDefinition[];
  handle?(event: EventEnvelope, delivery: DeliveryInfo): Promise<void>;
  handleBatch?(events: DeliveredEvent[]): Promise<void>;
}

export class PermanentEventError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
