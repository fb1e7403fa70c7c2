import {
  BoothCommitteeChangedV1,
  BoothCommitteeFormedV1,
  createEvent,
  VolunteerAddedV1,
  VolunteerRemovedV1,
  type BoothCoverage,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { eventContext, type RequestContext } from '../../../common/request-context';
import type { Booth, BoothEvent } from '../domain/booth.entity';

function coverage(booth: Booth): BoothCoverage {
  const s = booth.snapshot;
  return { boothId: s.boothId, ancestors: [...s.ancestors], lokSabhaId: s.lokSabhaId, ...booth.coverage };
}

/** Booth domain events → integration events on org.booth.events (key: booth id). */
export function boothIntegrationEvents(events: BoothEvent[], ctx: RequestContext): OutboxEntry[] {
  return events.map((event) => {
    const base = coverage(event.booth);
    const context = eventContext(ctx, base.boothId, base.ancestors);
    const memberIds = [...event.booth.snapshot.committeeMemberIds];
    switch (event.kind) {
      case 'committee-formed':
        return toOutboxEntry(
          createEvent(BoothCommitteeFormedV1, { ...base, memberIds }, context),
          BoothCommitteeFormedV1.topic,
          base.boothId,
        );
      case 'committee-changed':
        return toOutboxEntry(
          createEvent(BoothCommitteeChangedV1, { ...base, memberIds, changed: event.changed }, context),
          BoothCommitteeChangedV1.topic,
          base.boothId,
        );
      case 'volunteer-added':
        return toOutboxEntry(
          createEvent(VolunteerAddedV1, { ...base, memberId: event.memberId }, context),
          VolunteerAddedV1.topic,
          base.boothId,
        );
      case 'volunteer-removed':
        return toOutboxEntry(
          createEvent(VolunteerRemovedV1, { ...base, memberId: event.memberId }, context),
          VolunteerRemovedV1.topic,
          base.boothId,
        );
    }
  });
}
