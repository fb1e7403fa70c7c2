import type { CustomTransportStrategy, MessageHandler } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import type { EventDefinition } from '@sangathan/contracts';
import { isObservable, lastValueFrom } from 'rxjs';
import type { EventHandlerExtras } from './on-event.decorator';
import type { DeliveredEvent, DeliveryInfo, IntegrationEventHandler } from './integration-event-handler';

/** A handler as the dispatcher sees it, named after the controller method it calls. */
class NestEventHandler implements IntegrationEventHandler {
  handle?: (event: DeliveredEvent['event'], delivery: DeliveryInfo) => Promise<void>;
  handleBatch?: (events: DeliveredEvent[]) => Promise<void>;

  constructor(
    readonly name: string,
    readonly subscribesTo: readonly EventDefinition[],
    call: (...args: unknown[]) => Promise<void>,
    batch: boolean,
  ) {
    if (batch) this.handleBatch = (events) => call(events);
    else this.handle = (event, delivery) => call(event, delivery);
  }
}

/**
 * The Nest transport (`CustomTransportStrategy`) of Sangathan's Kafka consumer: controller methods declared
 * with `@OnEvent` / `@OnEventBatch` (Nest's `@EventPattern`) become the handlers of the service's one batch
 * consumer, which keeps its own batching, manual offsets, retries, dead-letter topic and lead topics.
 *
 * Nest registers the handlers when the microservice is connected (`createServiceApp` does it); consuming starts
 * with the application (`MessagingLifecycle`) once the topics exist, so a broker that is down never blocks the
 * HTTP side. `listen` only tells Nest the transport is ready.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  private handlers?: IntegrationEventHandler[];

  listen(callback: () => void): void {
    callback();
  }

  close(): void {
    // The consumer belongs to MessagingLifecycle, which stops it on application shutdown.
  }

  on(): never {
    throw new Error('KafkaEventTransport has no events to listen to');
  }

  unwrap<T>(): T {
    throw new Error('KafkaEventTransport wraps no single client; use KafkaConnection');
  }

  /** The handlers declared in the application's controllers, one per decorated method. */
  eventHandlers(): IntegrationEventHandler[] {
    if (this.handlers) return this.handlers;
    const registered: MessageHandler[] = [];
    for (const head of this.getHandlers().values()) {
      for (let handler: MessageHandler | undefined = head; handler; handler = handler.next)
        registered.push(handler);
    }
    const byMethod = new Map<symbol, IntegrationEventHandler>();
    for (const handler of registered) {
      // Nest chains the methods of one pattern and calls them together; here each one is delivered to on its
      // own, with its own retries and dead letters.
      handler.next = undefined;
      const extras = handler.extras as EventHandlerExtras | undefined;
      if (!handler.isEventHandler || !extras?.handlerId || byMethod.has(extras.handlerId)) continue;
      byMethod.set(
        extras.handlerId,
        new NestEventHandler(extras.handlerName, extras.definitions, settled(handler), extras.batch),
      );
    }
    const handlers = [...byMethod.values()];
    // Nest registers handlers when the microservice is connected; before that there is nothing to keep.
    if (registered.length > 0) this.handlers = handlers;
    return handlers;
  }
}

/** Calls a Nest handler and waits for its result or its error (Nest returns either, maybe as an observable). */
function settled(handler: MessageHandler): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const result: unknown = await handler(...(args as [unknown, unknown]));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  };
}
