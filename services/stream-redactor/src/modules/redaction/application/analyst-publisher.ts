import { Inject, Injectable } from '@nestjs/common';
import { createEvent, type EventEnvelope } from '@sangathan/contracts';
import { toOutboxEntry } from '@sangathan/messaging';
import type { AnalystEvent } from '../domain/analyst-event';
import { REDACTIONS_PORT, type RedactionsPort } from './ports/redactions.port';

export const STREAM_REDACTOR = 'stream-redactor';

/**
 * Publishes what an internal event became for analysts, through the outbox. The envelope keeps the area, the
 * time and the request's correlation id; the actor (a member id) is dropped.
 */
@Injectable()
export class AnalystPublisher {
  constructor(@Inject(REDACTIONS_PORT) private readonly redactions: RedactionsPort) {}

  async publish(source: EventEnvelope, events: readonly AnalystEvent[]): Promise<void> {
    const entries = events.map(({ definition, payload, key }) =>
      toOutboxEntry(
        createEvent(definition, payload, {
          producer: STREAM_REDACTOR,
          areaId: source.areaId,
          areaPath: source.areaPath,
          actorId: null,
          correlationId: source.correlationId,
          causationId: source.eventId,
          occurredAt: new Date(source.occurredAt),
        }),
        definition.topic,
        key,
      ),
    );
    await this.redactions.record(source, entries);
  }
}
