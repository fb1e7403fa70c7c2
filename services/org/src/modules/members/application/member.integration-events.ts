import {
  createEvent,
  MemberDeactivatedV1,
  MemberJoinedV1,
  MemberReactivatedV1,
  MemberUpdatedV1,
  PositionAssignedV1,
  PositionVacatedV1,
  type MemberSnapshot,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { eventContext, type RequestContext } from '../../../common/request-context';
import type { Member, MemberDomainEvent } from '../domain/member.entity';
import type { PositionDomainEvent } from '../domain/position.entity';

export function memberSnapshot(member: Member): MemberSnapshot {
  const p = member.snapshot;
  return {
    memberId: p.id,
    name: p.name,
    nameAlt: p.nameAlt,
    kind: p.kind,
    status: p.status,
    areaId: p.areaId,
    ancestors: [...p.ancestors],
    joinedAt: p.joinedAt.toISOString(),
  };
}

/** Member domain events → versioned integration events (key: member id). Phones never go on the wire. */
export function memberIntegrationEvents(events: MemberDomainEvent[], ctx: RequestContext): OutboxEntry[] {
  return events.map((event) => {
    const snapshot = memberSnapshot(event.member);
    const context = eventContext(ctx, snapshot.areaId, snapshot.ancestors);
    const key = snapshot.memberId;
    switch (event.kind) {
      case 'member-joined':
        return toOutboxEntry(createEvent(MemberJoinedV1, snapshot, context), MemberJoinedV1.topic, key);
      case 'member-updated':
        return toOutboxEntry(
          createEvent(MemberUpdatedV1, { ...snapshot, changed: event.changed }, context),
          MemberUpdatedV1.topic,
          key,
        );
      case 'member-deactivated':
        return toOutboxEntry(
          createEvent(
            MemberDeactivatedV1,
            { ...snapshot, reason: event.reason, replacedBy: event.replacedBy },
            context,
          ),
          MemberDeactivatedV1.topic,
          key,
        );
      case 'member-reactivated':
        return toOutboxEntry(
          createEvent(MemberReactivatedV1, { ...snapshot, reason: event.reason }, context),
          MemberReactivatedV1.topic,
          key,
        );
    }
  });
}

/** Position domain events → integration events on the member topic, keyed by the member concerned. */
export function positionIntegrationEvents(events: PositionDomainEvent[], ctx: RequestContext): OutboxEntry[] {
  return events.map((event) => {
    const p = event.position.snapshot;
    const base = {
      positionId: event.position.id,
      type: p.type,
      areaId: p.areaId,
      ancestors: [...p.ancestors],
      itTeam: event.position.itTeam,
      memberId: event.memberId,
    };
    const context = eventContext(ctx, p.areaId, p.ancestors);
    if (event.kind === 'position-assigned') {
      return toOutboxEntry(
        createEvent(
          PositionAssignedV1,
          { ...base, previousHolderId: event.previousHolderId, since: event.since.toISOString() },
          context,
        ),
        PositionAssignedV1.topic,
        event.memberId,
      );
    }
    return toOutboxEntry(
      createEvent(
        PositionVacatedV1,
        {
          ...base,
          reason: event.reason,
          successorId: event.successorId,
          since: event.since.toISOString(),
          until: event.until.toISOString(),
        },
        context,
      ),
      PositionVacatedV1.topic,
      event.memberId,
    );
  });
}
