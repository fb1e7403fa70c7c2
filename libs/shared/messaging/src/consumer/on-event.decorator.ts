import { Catch, type RpcExceptionFilter, UseFilters, applyDecorators } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { definitionKey, type EventDefinition, type EventEnvelope } from '@sangathan/contracts';
import { throwError, type Observable } from 'rxjs';
import type { DeliveredEvent, DeliveryInfo } from './integration-event-handler';

/** What `@OnEvent` and `@OnEventBatch` put beside Nest's pattern, read back by `KafkaEventTransport`. */
export type EventHandlerExtras = {
  definitions: readonly EventDefinition[];
  batch: boolean;
  /** One per decorated method: Nest registers a method once per pattern, the transport delivers to it once. */
  handlerId: symbol;
  handlerName: string;
};

/**
 * Nest's RPC exception layer would replace an error with `{ status: 'error' }`; the dispatcher needs the
 * error itself to retry it or dead-letter it with its reason.
 */
@Catch()
export class RethrowEventErrors implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

function eventPattern(
  definitions: readonly EventDefinition[],
  batch: boolean,
  name: string,
): MethodDecorator {
  const extras: EventHandlerExtras = { definitions, batch, handlerId: Symbol(name), handlerName: name };
  // Nest passes only the payload unless parameters say otherwise: the event (or batch), then its delivery.
  const parameters: MethodDecorator = (target, key) => {
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
  return applyDecorators(
    parameters,
    EventPattern(
      definitions.map((definition) => definitionKey(definition.type, definition.version)),
      extras,
    ),
    UseFilters(RethrowEventErrors),
  );
}

type EventMethod<P> = (event: EventEnvelope<P>, delivery: DeliveryInfo) => Promise<void>;
type BatchMethod<P> = (events: DeliveredEvent<P>[]) => Promise<void>;

/**
 * Declares a controller method as the handler of one integration event (type and version), the Nest way: it is
 * `@EventPattern('<type>@v<version>')` of `@nestjs/microservices`, served by `KafkaEventTransport`. The event arrives
 * validated against its contract and typed by it. Handlers must be idempotent (delivery is at least once); throw
 * `PermanentEventError` for an event that can never apply (dead-lettered with its reason), anything else is retried.
 */
export function OnEvent<P>(definition: EventDefinition<P>) {
  return <M extends EventMethod<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    eventPattern([definition], false, `${target.constructor.name}.${String(key)}`)(target, key, descriptor);
  };
}

/**
 * Like `@OnEvent` for a handler that folds a whole poll of these events into few writes (in partition order);
 * a failing batch is retried, then applied one event at a time so a poison event alone is dead-lettered.
 */
export function OnEventBatch<P>(...definitions: readonly EventDefinition<P>[]) {
  return <M extends BatchMethod<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    eventPattern(definitions, true, `${target.constructor.name}.${String(key)}`)(target, key, descriptor);
  };
}
