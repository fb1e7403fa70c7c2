import {
  AnalystMeetingAttendanceRecordedV1,
  AnalystMeetingCancelledV1,
  AnalystMeetingHeldV1,
  AnalystMeetingScheduledV1,
  AnalystQuotaMissedV1,
  type EventOf,
  type MeetingAttendanceRecordedV1,
  type MeetingCancelledV1,
  type MeetingHeldV1,
  type MeetingScheduledV1,
  type QuotaMissedV1,
} from '@sangathan/contracts';
import { analystEvent, type AnalystEvent } from './analyst-event';
import { istDay } from './ist-day';
import type { Pseudonymiser } from './pseudonymiser';

type MeetingRef = {
  meetingId: string;
  kind: string;
  areaId: string;
  ancestors: string[];
  organiserId: string;
};

/** The meeting and its place; the organiser as a key. Titles, reasons and social groups stay in meetings. */
function meetingRef<K extends string>(ref: MeetingRef & { kind: K }, at: string, pseudonyms: Pseudonymiser) {
  const { memberKey, keyId } = pseudonyms.member(ref.organiserId, at);
  return {
    meetingId: ref.meetingId,
    kind: ref.kind,
    areaId: ref.areaId,
    ancestors: ref.ancestors,
    organiserKey: memberKey,
    keyId,
  };
}

export function redactMeetingScheduled(
  event: EventOf<typeof MeetingScheduledV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const p = event.payload;
  return [
    analystEvent(
      AnalystMeetingScheduledV1,
      {
        ...meetingRef(p, event.occurredAt, pseudonyms),
        scheduledStart: p.scheduledStart,
        scheduledEnd: p.scheduledEnd,
        expectedAttendeeCount: p.expectedAttendeeCount,
        linkedAreaIds: p.linkedAreaIds,
      },
      p.meetingId,
    ),
  ];
}

export function redactMeetingCancelled(
  event: EventOf<typeof MeetingCancelledV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const p = event.payload;
  return [
    analystEvent(
      AnalystMeetingCancelledV1,
      {
        ...meetingRef(p, event.occurredAt, pseudonyms),
        scheduledStart: p.scheduledStart,
        cancelledAt: p.cancelledAt,
      },
      p.meetingId,
    ),
  ];
}

export function redactMeetingHeld(
  event: EventOf<typeof MeetingHeldV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const p = event.payload;
  return [
    analystEvent(
      AnalystMeetingHeldV1,
      {
        ...meetingRef(p, event.occurredAt, pseudonyms),
        heldStart: p.heldStart,
        heldEnd: p.heldEnd,
        heldOn: istDay(p.heldStart),
        namedCount: p.namedCount,
        headcount: p.headcount,
        totalAttendance: p.totalAttendance,
        expectedAttendeeCount: p.expectedAttendeeCount,
        photoCount: p.photoCount,
        verifiedPhotoCount: p.verifiedPhotoCount,
        districts: p.districts.map((d) => ({
          areaId: d.areaId,
          namedCount: d.namedCount,
          headcount: d.headcount,
        })),
      },
      p.meetingId,
    ),
  ];
}

export function redactMeetingAttendanceRecorded(
  event: EventOf<typeof MeetingAttendanceRecordedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const p = event.payload;
  return [
    analystEvent(
      AnalystMeetingAttendanceRecordedV1,
      {
        ...meetingRef(p, event.occurredAt, pseudonyms),
        addedMemberKeys: p.addedMemberIds.map((id) => pseudonyms.memberKey(id, event.occurredAt)),
        method: p.method,
        namedCount: p.namedCount,
        headcount: p.headcount,
        totalAttendance: p.totalAttendance,
        recordedAt: p.recordedAt,
      },
      p.meetingId,
    ),
  ];
}

export function redactQuotaMissed(
  event: EventOf<typeof QuotaMissedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const { memberId, ...rest } = event.payload;
  const payload = { ...pseudonyms.member(memberId, event.occurredAt), ...rest };
  return [analystEvent(AnalystQuotaMissedV1, payload, payload.memberKey)];
}
