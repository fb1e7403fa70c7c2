import { AreaCreatedV1, createEvent, type EventEnvelope } from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import type { AreaCreated } from './domain/area.entity';

export const ORG_SERVICE = 'org';

export type RequestContext = { actorId: string | null; correlationId: string };

/** Maps the areas module's domain events to versioned integration events for the outbox. */
export function toIntegrationEvents(domainEvents: AreaCreated[], ctx: RequestContext): OutboxEntry[] {
  return domainEvents.map((domainEvent) => {
    const { area } = domainEvent;
    const envelope: EventEnvelope = createEvent(
      AreaCreatedV1,
      {
        areaId: area.id,
        level: area.level,
        parentId: area.parentId,
        ancestors: area.ancestors,
        nameEn: area.name.en,
        nameHi: area.name.hi,
        seatClass: area.seatClass,
        lastMargin: area.lastMargin,
      },
      { producer: ORG_SERVICE, areaId: area.id, areaPath: area.ancestors, ...ctx },
    );
    return toOutboxEntry(envelope, AreaCreatedV1.topic, area.id);
  });
}
