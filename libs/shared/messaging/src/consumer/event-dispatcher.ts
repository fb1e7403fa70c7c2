import { Logger } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  definitionKey,
  deadLetterTopicName,
  type EventDefinition,
  type EventRegistry,
} from '@sangathan/contracts';
import { DURATION_BUCKETS_SECONDS, extractTraceContext, lazyMeter } from '@sangathan/observability';
import type { MessagePublisher } from '../kafka/message-publisher';
import { isRetriable } from '../retriable-error';
import {
  PermanentEventError,
  type DeliveredEvent,
  type IntegrationEventHandler,
} from './integration-event-handler';

/** A message as read from the broker; `topic` is the catalog name. */
export type IncomingMessage = {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
};

export type DispatchOptions = {
  consumerGroup: string;
  /** Attempts for a handler error that is not a connectivity problem, before the DLQ. */
  maxAttempts?: number;
  /** Rejects events dated further ahead than this (clock skew guard). */
  maxFutureSkewMs?: number;
  /** Called between retries so the group does not think this member died. */
  heartbeat?: () => Promise<void>;
  /** False once the consumer is stopping or lost the partition; retries give up then. */
  isActive?: () => boolean;
};

const tracer = trace.getTracer('sangathan.consumer');
const meter = lazyMeter('sangathan.consumer');
const consumed = meter.createCounter('messaging_events_consumed_total', {
  description: 'Events by group and outcome (applied, skipped, dead-lettered)',
});
const deadLettered = meter.createCounter('messaging_dead_letters_total', {
  description: 'Events a consumer group sent to <topic>.dlq, by topic and reason',
});
const processDuration = meter.createHistogram('messaging_process_duration_seconds', {
  description:
    'Time one handler took for the events of one delivery (a batch for batch handlers), retries included',
  unit: 's',
  advice: { explicitBucketBoundaries: DURATION_BUCKETS_SECONDS },
});

export class ConsumerStoppedError extends Error {}

type Sources = Map<DeliveredEvent, IncomingMessage>;

/**
 * Broker-independent heart of a consumer: validates each message against the contracts,
 * routes what it cannot apply to `<topic>.dlq` with the reason in headers, and hands the rest to
 * the handlers with retries. It returns only when every message of the batch is either applied
 * or safely in the DLQ, so the caller may then commit the offsets.
 */
export class EventDispatcher {
  private readonly logger = new Logger('EventDispatcher');
  /** Handlers by definition (the registry hands back the same definition objects, so identity works). */
  private readonly byDefinition = new Map<EventDefinition, IntegrationEventHandler[]>();
  readonly topics: string[];
  /** Payloads are checked only for events some handler takes; the others are skipped whatever they carry. */
  private readonly handles = (definition: EventDefinition): boolean => this.byDefinition.has(definition);

  constructor(
    private readonly registry: EventRegistry,
    handlers: readonly IntegrationEventHandler[],
    private readonly deadLetters: MessagePublisher,
    private readonly options: DispatchOptions,
  ) {
    const topics = new Set<string>();
    for (const handler of handlers) {
      for (const definition of handler.subscribesTo) {
        const known = registry.get(definition.type, definition.version);
        if (!known)
          throw new Error(
            `${definitionKey(definition.type, definition.version)} is not in the contracts catalogue`,
          );
        this.byDefinition.set(known, [...(this.byDefinition.get(known) ?? []), handler]);
        topics.add(definition.topic);
      }
    }
    this.topics = [...topics];
  }

  async dispatch(messages: IncomingMessage[], options: Partial<DispatchOptions> = {}): Promise<void> {
    const opts = { ...this.options, ...options };
    const deliveries = new Map<IntegrationEventHandler, DeliveredEvent[]>();
    // The broker message each delivered event came from (trace context, DLQ). A plain Map per
    // call: on this hot path a WeakMap costs more in GC than validation itself.
    const sources: Sources = new Map();
    const dead: { message: IncomingMessage; reason: string; error: string }[] = [];
    const maxFuture = opts.maxFutureSkewMs ?? 24 * 3600_000;
    let skipped = 0;

    for (const message of messages) {
      const outcome = this.registry.validate(message.value, message.topic, this.handles);
      if (!outcome.ok) {
        dead.push({ message, reason: outcome.reason, error: outcome.message });
        continue;
      }
      if (Date.parse(outcome.event.occurredAt) > Date.now() + maxFuture) {
        dead.push({
          message,
          reason: 'future-event',
          error: `occurredAt ${outcome.event.occurredAt} is too far ahead`,
        });
        continue;
      }
      const handlers = this.byDefinition.get(outcome.definition);
      const delivery = { topic: message.topic, partition: message.partition, offset: message.offset };
      for (const handler of handlers ?? []) {
        const list = deliveries.get(handler) ?? [];
        const delivered: DeliveredEvent = { event: outcome.event, delivery };
        sources.set(delivered, message);
        list.push(delivered);
        deliveries.set(handler, list);
      }
      if (!handlers) skipped++;
    }

    // Counted once per batch: a metric update per message costs as much as validating it.
    if (skipped > 0) consumed.add(skipped, { group: opts.consumerGroup, outcome: 'skipped' });
    // Events that will never apply are parked before anything is acknowledged.
    await this.sendToDeadLetters(dead, opts);

    for (const [handler, events] of deliveries) {
      const started = performance.now();
      await this.deliver(handler, events, opts, sources);
      processDuration.record((performance.now() - started) / 1000, {
        group: opts.consumerGroup,
        handler: handler.name ?? handler.constructor.name,
      });
    }
  }

  private async deliver(
    handler: IntegrationEventHandler,
    events: DeliveredEvent[],
    opts: DispatchOptions,
    sources: Sources,
  ): Promise<void> {
    if (handler.handleBatch) {
      try {
        await this.withRetries(
          () => this.traced(events, sources, () => handler.handleBatch!(events)),
          opts,
          events.length,
        );
        consumed.add(events.length, { group: opts.consumerGroup, outcome: 'applied' });
        return;
      } catch (error) {
        if (error instanceof ConsumerStoppedError) throw error;
        if (events.length === 1) {
          await this.deadLetterFailed(events[0], error as Error, opts, sources);
          return;
        }
        // Isolate the poison event: apply one by one.
        for (const event of events) await this.deliver(handler, [event], opts, sources);
        return;
      }
    }
    for (const event of events) {
      try {
        await this.withRetries(
          () => this.traced([event], sources, () => handler.handle!(event.event, event.delivery)),
          opts,
          1,
        );
        consumed.add(1, { group: opts.consumerGroup, outcome: 'applied' });
      } catch (error) {
        if (error instanceof ConsumerStoppedError) throw error;
        await this.deadLetterFailed(event, error as Error, opts, sources);
      }
    }
  }

  private async traced(events: DeliveredEvent[], sources: Sources, work: () => Promise<void>): Promise<void> {
    const first = events[0];
    const parent = extractTraceContext(sources.get(first)?.headers ?? {});
    const span = tracer.startSpan(
      `${first.delivery.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': first.delivery.topic,
          'messaging.batch.message_count': events.length,
          'messaging.message.id': first.event.eventId,
          'sangathan.event.type': first.event.type,
        },
      },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), work);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  }

  private async withRetries(work: () => Promise<void>, opts: DispatchOptions, count: number): Promise<void> {
    const maxAttempts = opts.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        return;
      } catch (error) {
        if (error instanceof PermanentEventError) throw error;
        const transient = isRetriable(error);
        if (!transient && attempt >= maxAttempts) throw error;
        if (opts.isActive && !opts.isActive())
          throw new ConsumerStoppedError('consumer stopped while retrying');
        const delay = Math.min(100 * 2 ** attempt, transient ? 30_000 : 2_000);
        this.logger.warn(
          `handling ${count} event(s) failed (attempt ${attempt}${transient ? ', dependency unavailable' : ''}), retrying in ${delay} ms: ${(error as Error).message}`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        await opts.heartbeat?.().catch(() => undefined);
      }
    }
  }

  private async deadLetterFailed(
    delivered: DeliveredEvent,
    error: Error,
    opts: DispatchOptions,
    sources: Sources,
  ): Promise<void> {
    const reason = error instanceof PermanentEventError ? error.reason : 'handler-failed';
    const message: IncomingMessage = sources.get(delivered) ?? {
      ...delivered.delivery,
      key: null,
      value: Buffer.from(JSON.stringify(delivered.event)),
      headers: {},
    };
    await this.sendToDeadLetters([{ message, reason, error: error.message }], opts);
  }

  private async sendToDeadLetters(
    dead: { message: IncomingMessage; reason: string; error: string }[],
    opts: DispatchOptions,
  ): Promise<void> {
    if (dead.length === 0) return;
    for (const { message, reason, error } of dead) {
      this.logger.warn(
        `dead-lettering ${message.topic}[${message.partition}]@${message.offset}: ${reason}: ${error}`,
      );
      consumed.add(1, { group: opts.consumerGroup, outcome: 'dead-lettered' });
      deadLettered.add(1, { group: opts.consumerGroup, topic: message.topic, reason });
    }
    await this.withRetries(
      () =>
        this.deadLetters.publish(
          dead.map(({ message, reason, error }) => ({
            topic: deadLetterTopicName(message.topic),
            key: message.key ?? `${message.topic}-${message.partition}-${message.offset}`,
            value: message.value?.toString() ?? '',
            headers: {
              ...message.headers,
              'dlq-reason': reason,
              'dlq-error': error.slice(0, 1000),
              'dlq-original-topic': message.topic,
              'dlq-original-partition': String(message.partition),
              'dlq-original-offset': message.offset,
              'dlq-consumer-group': opts.consumerGroup,
              'dlq-at': new Date().toISOString(),
            },
          })),
        ),
      { ...opts, maxAttempts: Number.POSITIVE_INFINITY },
      dead.length,
    );
  }
}
