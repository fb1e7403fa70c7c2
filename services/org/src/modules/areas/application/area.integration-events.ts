import {
  AreaCreatedV1,
  AreaMovedV1,
  AreaReclassifiedV1,
  AreaUpdatedV1,
  createEvent,
  type AreaSnapshot,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { eventContext, type RequestContext } from '../../../common/request-context';
import type { Area, AreaDomainEvent } from '../domain/area.entity';

export { ORG_SERVICE, type RequestContext } from '../../../common/request-context';

export function areaSnapshot(area: Area): AreaSnapshot {
  const figures = area.figures;
  return {
    areaId: area.id,
    level: area.level,
    parentId: area.parentId,
    ancestors: area.ancestors,
    nameEn: area.name.en,
    nameHi: area.name.hi,
    seatClass: area.seatClass,
    lastMargin: area.lastMargin,
    lokSabhaId: area.lokSabhaId,
    ...(figures.boothCount != null ? { boothCount: figures.boothCount } : {}),
    ...(figures.voterCount != null ? { voterCount: figures.voterCount } : {}),
    ...(figures.beneficiaryCount != null ? { beneficiaryCount: figures.beneficiaryCount } : {}),
    ...(figures.socialComposition != null ? { socialComposition: figures.socialComposition } : {}),
  };
}

/** Maps the areas module's domain events to versioned integration events for the outbox. */
export function toIntegrationEvents(
  domainEvents: AreaDomainEvent[],
  ctx: RequestContext,
  descendantCount = 0,
): OutboxEntry[] {
  return domainEvents.map((domainEvent) => {
    const { area } = domainEvent;
    const snapshot = areaSnapshot(area);
    const context = eventContext(ctx, area.id, area.ancestors);
    switch (domainEvent.kind) {
      case 'area-created':
        return toOutboxEntry(createEvent(AreaCreatedV1, snapshot, context), AreaCreatedV1.topic, area.id);
      case 'area-updated':
        return toOutboxEntry(
          createEvent(AreaUpdatedV1, { ...snapshot, changed: domainEvent.changed }, context),
          AreaUpdatedV1.topic,
          area.id,
        );
      case 'area-reclassified':
        return toOutboxEntry(
          createEvent(
            AreaReclassifiedV1,
            {
              ...snapshot,
              previousSeatClass: domainEvent.previousSeatClass,
              previousMargin: domainEvent.previousMargin,
            },
            context,
          ),
          AreaReclassifiedV1.topic,
          area.id,
        );
      case 'area-moved':
        return toOutboxEntry(
          createEvent(
            AreaMovedV1,
            {
              ...snapshot,
              previousParentId: domainEvent.previousParentId,
              previousAncestors: domainEvent.previousAncestors,
              descendantCount,
            },
            context,
          ),
          AreaMovedV1.topic,
          area.id,
        );
    }
  });
}
