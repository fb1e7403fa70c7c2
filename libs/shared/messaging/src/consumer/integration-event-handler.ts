import type { EventDefinition, EventEnvelope } from '@sangathan/contracts';

/** Where an event was read from; handlers that fold offsets into their state use it. */
export type DeliveryInfo = { topic: string; partition: number; offset: string };

export type DeliveredEvent<TPayload = unknown> = { event: EventEnvelope<TPayload>; delivery: DeliveryInfo };

/**
 * A consumer of integration events as the dispatcher sees it. Services do not implement it: they declare
 * controller methods with `@OnEvent` / `@OnEventBatch`, which `KafkaEventTransport` turns into these.
 * `handle` takes one event at a time, `handleBatch` a whole poll (to fold it into few database writes).
 *
 * Throw `PermanentEventError` for an event that can never be applied (it goes to the DLQ);
 * any other error is retried, forever while the database or broker is unreachable.
 */
export interface IntegrationEventHandler {
  /** For logs and metrics (the handler's class and method). */
  readonly name?: string;
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
