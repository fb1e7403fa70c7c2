import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { meetingKindSchema } from '../meetings/meeting-kind';
import { ANALYST_MEETING_TOPIC, ANALYST_QUOTA_TOPIC } from './analyst.topics';
import { daySchema, keyIdSchema, memberKeySchema } from './pseudonym';

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

/** Every analyst meeting event: the meeting, its place and its organiser's key (titles and reasons stay inside). */
const meetingRef = {
  /** Id of the meeting (also the message key). */
  meetingId: id,
  kind: meetingKindSchema,
  /** Area of the meeting and its ancestors, root first. */
  areaId: id,
  ancestors: z.array(id),
  /** Pseudonymous key of the organiser. */
  organiserKey: memberKeySchema,
  /** Id of the cycle key the member keys were derived with. */
  keyId: keyIdSchema,
};

export const AnalystMeetingScheduledV1 = defineEvent({
  type: 'analyst.meeting.scheduled',
  version: 1,
  topic: ANALYST_MEETING_TOPIC.name,
  description: 'A meeting was put on the calendar (from meetings.meeting.scheduled, without its title).',
  payload: z.object({
    ...meetingRef,
    scheduledStart: instant,
    scheduledEnd: instant,
    expectedAttendeeCount: count,
    /** For a vc-review: the districts linked in. Empty otherwise. */
    linkedAreaIds: z.array(id),
  }),
});

export const AnalystMeetingCancelledV1 = defineEvent({
  type: 'analyst.meeting.cancelled',
  version: 1,
  topic: ANALYST_MEETING_TOPIC.name,
  description: 'A scheduled meeting was called off (from meetings.meeting.cancelled, without the reason).',
  payload: z.object({ ...meetingRef, scheduledStart: instant, cancelledAt: instant }),
});

export const AnalystMeetingHeldV1 = defineEvent({
  type: 'analyst.meeting.held',
  version: 1,
  topic: ANALYST_MEETING_TOPIC.name,
  description: 'A meeting took place, with its attendance counts (from meetings.meeting.held).',
  payload: z.object({
    ...meetingRef,
    heldStart: instant,
    heldEnd: instant,
    /** Day of `heldStart` in IST. */
    heldOn: daySchema,
    namedCount: count,
    headcount: count,
    totalAttendance: count,
    expectedAttendeeCount: count,
    photoCount: count,
    verifiedPhotoCount: count,
    /** For a vc-review: attendance per linked district. Empty otherwise. */
    districts: z.array(z.object({ areaId: id, namedCount: count, headcount: count })),
  }),
});

export const AnalystMeetingAttendanceRecordedV1 = defineEvent({
  type: 'analyst.meeting.attendance-recorded',
  version: 1,
  topic: ANALYST_MEETING_TOPIC.name,
  description:
    'Attendance was added to a meeting; counts are the new totals, attendees are pseudonymous keys (from meetings.meeting.attendance-recorded).',
  payload: z.object({
    ...meetingRef,
    /** Keys of the members this recording added. */
    addedMemberKeys: z.array(memberKeySchema),
    method: z.enum(['organiser', 'qr', 'late-addition']),
    namedCount: count,
    headcount: count,
    totalAttendance: count,
    recordedAt: instant,
  }),
});

export const AnalystQuotaMissedV1 = defineEvent({
  type: 'analyst.quota.missed',
  version: 1,
  topic: ANALYST_QUOTA_TOPIC.name,
  description: 'A position holder missed the daily meeting quota on a day (from meetings.quota.missed).',
  payload: z.object({
    /** Pseudonymous key of the holder (also the message key). */
    memberKey: memberKeySchema,
    keyId: keyIdSchema,
    role: id,
    areaId: id,
    ancestors: z.array(id),
    day: daySchema,
    requiredMeetings: z.number().int().positive(),
    photoRequired: z.boolean(),
    heldCount: count,
    withVerifiedPhotoCount: count,
    withPhotoCount: count,
    shortfall: z.enum(['short', 'no-photos']),
  }),
});

export const ANALYST_MEETING_EVENTS = [
  AnalystMeetingScheduledV1,
  AnalystMeetingCancelledV1,
  AnalystMeetingHeldV1,
  AnalystMeetingAttendanceRecordedV1,
  AnalystQuotaMissedV1,
];
