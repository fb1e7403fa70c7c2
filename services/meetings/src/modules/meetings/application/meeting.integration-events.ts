import {
  createEvent,
  MeetingAttendanceRecordedV1,
  MeetingCancelledV1,
  MeetingHeldV1,
  MeetingRescheduledV1,
  MeetingScheduledV1,
  type EventDefinition,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import type { Meeting } from '../domain/meeting.entity';
import type { MeetingDomainEvent } from '../domain/meeting.types';

export const MEETINGS_SERVICE = 'meetings';

export type RequestContext = { actorId: string | null; correlationId: string };

/** Photo figures a held event carries (counted from the photos collection when it is recorded). */
export type PhotoCounts = { photoCount: number; verifiedPhotoCount: number };

/** Maps a meeting's domain events to versioned integration events for its outbox. */
export function toIntegrationEvents(
  meeting: Meeting,
  domainEvents: MeetingDomainEvent[],
  ctx: RequestContext,
  photos: PhotoCounts = { photoCount: 0, verifiedPhotoCount: 0 },
): OutboxEntry[] {
  const m = meeting.snapshot();
  const ref = {
    meetingId: m.id,
    kind: m.kind,
    areaId: m.areaId,
    ancestors: m.ancestors,
    organiserId: m.organiserId,
  };
  const envelope = <P>(definition: EventDefinition<P>, payload: P, at: Date) =>
    toOutboxEntry(
      createEvent(definition, payload, {
        producer: MEETINGS_SERVICE,
        areaId: m.areaId,
        areaPath: m.ancestors,
        occurredAt: at,
        ...ctx,
      }),
      definition.topic,
      m.id,
    );
  const counts = {
    namedCount: meeting.namedCount,
    headcount: meeting.totalAttendance - meeting.namedCount,
    totalAttendance: meeting.totalAttendance,
  };

  return domainEvents.map((event) => {
    switch (event.kind) {
      case 'scheduled':
        return envelope(
          MeetingScheduledV1,
          {
            ...ref,
            title: m.title,
            scheduledStart: m.scheduledStart.toISOString(),
            scheduledEnd: m.scheduledEnd.toISOString(),
            expectedAttendeeCount: m.expectedAttendeeCount,
            linkedAreaIds: m.linkedAreas.map((l) => l.areaId),
            socialGroup: m.socialGroup,
          },
          event.at,
        );
      case 'rescheduled':
        return envelope(
          MeetingRescheduledV1,
          {
            ...ref,
            previousStart: event.previousStart.toISOString(),
            previousEnd: event.previousEnd.toISOString(),
            scheduledStart: m.scheduledStart.toISOString(),
            scheduledEnd: m.scheduledEnd.toISOString(),
          },
          event.at,
        );
      case 'cancelled':
        return envelope(
          MeetingCancelledV1,
          {
            ...ref,
            scheduledStart: m.scheduledStart.toISOString(),
            reason: event.reason,
            cancelledAt: event.at.toISOString(),
          },
          event.at,
        );
      case 'held':
        return envelope(
          MeetingHeldV1,
          {
            ...ref,
            heldStart: m.heldStart!.toISOString(),
            heldEnd: m.heldEnd!.toISOString(),
            recordedAt: event.at.toISOString(),
            attendanceLocksAt: m.attendanceLocksAt!.toISOString(),
            ...counts,
            expectedAttendeeCount: m.expectedAttendeeCount,
            ...photos,
            districts: m.linkedAreas.map((l) => ({
              areaId: l.areaId,
              ancestors: l.ancestors,
              roomId: l.roomId,
              namedCount: m.attendees.filter((a) => a.districtId === l.areaId).length,
              headcount: l.headcount,
            })),
          },
          event.at,
        );
      case 'attendance-recorded':
        return envelope(
          MeetingAttendanceRecordedV1,
          {
            ...ref,
            addedMemberIds: event.addedMemberIds,
            method: event.method,
            ...counts,
            districtId: event.districtId,
            recordedAt: event.at.toISOString(),
            addedAttendance: event.addedAttendance,
            // The held event's totals do not include what is added after it.
            heldStart: event.method === 'late-addition' ? m.heldStart?.toISOString() : undefined,
          },
          event.at,
        );
    }
  });
}
