import {
  AnalystMemberDeactivatedV1,
  AnalystMemberJoinedV1,
  AnalystMemberReactivatedV1,
  AnalystPositionAssignedV1,
  AnalystPositionVacatedV1,
  type MemberJoinedV1,
  type MemberDeactivatedV1,
  type MemberReactivatedV1,
  type MemberSnapshot,
  type PositionAssignedV1,
  type PositionVacatedV1,
  type EventOf,
} from '@sangathan/contracts';
import { analystEvent, type AnalystEvent } from './analyst-event';
import { istDay } from './ist-day';
import type { Pseudonymiser } from './pseudonymiser';

/** Kind, standing and home area of a member: never the name, phone or id. */
function pseudonymousMember(member: MemberSnapshot, at: string, pseudonyms: Pseudonymiser) {
  const { memberKey, keyId } = pseudonyms.member(member.memberId, at);
  return {
    memberKey,
    keyId,
    kind: member.kind,
    status: member.status,
    areaId: member.areaId,
    ancestors: member.ancestors,
    joinedOn: istDay(member.joinedAt),
  };
}

export function redactMemberJoined(
  event: EventOf<typeof MemberJoinedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const payload = pseudonymousMember(event.payload, event.occurredAt, pseudonyms);
  return [analystEvent(AnalystMemberJoinedV1, payload, payload.memberKey)];
}

export function redactMemberDeactivated(
  event: EventOf<typeof MemberDeactivatedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const member = pseudonymousMember(event.payload, event.occurredAt, pseudonyms);
  const { replacedBy } = event.payload;
  const payload = {
    ...member,
    replacedByKey: replacedBy ? pseudonyms.memberKey(replacedBy, event.occurredAt) : null,
    on: istDay(event.occurredAt),
  };
  return [analystEvent(AnalystMemberDeactivatedV1, payload, payload.memberKey)];
}

export function redactMemberReactivated(
  event: EventOf<typeof MemberReactivatedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const member = pseudonymousMember(event.payload, event.occurredAt, pseudonyms);
  const payload = { ...member, on: istDay(event.occurredAt) };
  return [analystEvent(AnalystMemberReactivatedV1, payload, payload.memberKey)];
}

export function redactPositionAssigned(
  event: EventOf<typeof PositionAssignedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const { memberId, type, areaId, ancestors, since, previousHolderId } = event.payload;
  const payload = {
    ...pseudonyms.member(memberId, event.occurredAt),
    positionType: type,
    areaId,
    ancestors,
    since: istDay(since),
    hadPreviousHolder: previousHolderId !== null,
  };
  return [analystEvent(AnalystPositionAssignedV1, payload, payload.memberKey)];
}

export function redactPositionVacated(
  event: EventOf<typeof PositionVacatedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const { memberId, type, areaId, ancestors, since, until, reason } = event.payload;
  const payload = {
    ...pseudonyms.member(memberId, event.occurredAt),
    positionType: type,
    areaId,
    ancestors,
    since: istDay(since),
    until: istDay(until),
    reason,
  };
  return [analystEvent(AnalystPositionVacatedV1, payload, payload.memberKey)];
}
