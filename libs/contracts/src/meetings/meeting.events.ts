import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { meetingKindSchema } from './meeting-kind';
import { MEETINGS_MEETING_TOPIC } from './meetings.topics';

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });

/** Fields every meeting event carries, so a consumer can place it without a lookup. */
const meetingRef = {
  /** Id of the meeting (UUIDv7); also the Kafka key. */
  meetingId: id,
  kind: meetingKindSchema,
  /** Area the meeting belongs to (for a vc-review: the hosting area, e.g. the state HQ). */
  areaId: id,
  /** Ancestors of `areaId`, root first, excluding the area itself. */
  ancestors: z.array(id),
  /** Member id of the organiser (the in-charge / office bearer responsible). */
  organiserId: id,
};

/** Per-district attendance of a video-conference review. */
const districtAttendance = z.object({
  /** District (or other area) linked into the call. */
  areaId: id,
  /** Ancestors of that district, root first. */
  ancestors: z.array(id),
  /** Video-conference room used, if registered. */
  roomId: id.nullable(),
  /** Named members present in that district's room. */
  namedCount: z.number().int().nonnegative(),
  /** Unnamed people counted in that room. */
  headcount: z.number().int().nonnegative(),
});

export const MeetingScheduledV1 = defineEvent({
  type: 'meetings.meeting.scheduled',
  version: 1,
  topic: MEETINGS_MEETING_TOPIC.name,
  description: 'A meeting was put on the calendar.',
  payload: z.object({
    ...meetingRef,
    /** Short title. */
    title: z.string().min(1),
    /** Planned start and end (ISO-8601, UTC). */
    scheduledStart: instant,
    scheduledEnd: instant,
    /** How many named attendees are expected (members listed or holders of the positions invited). */
    expectedAttendeeCount: z.number().int().nonnegative(),
    /** For a vc-review: the districts linked in. Empty otherwise. */
    linkedAreaIds: z.array(id),
    /** For a participation conference: the social group addressed. */
    socialGroup: z.string().min(1).nullable(),
  }),
});

export const MeetingRescheduledV1 = defineEvent({
  type: 'meetings.meeting.rescheduled',
  version: 1,
  topic: MEETINGS_MEETING_TOPIC.name,
  description: 'A scheduled meeting was moved to another time.',
  payload: z.object({
    ...meetingRef,
    previousStart: instant,
    previousEnd: instant,
    scheduledStart: instant,
    scheduledEnd: instant,
  }),
});

export const MeetingCancelledV1 = defineEvent({
  type: 'meetings.meeting.cancelled',
  version: 1,
  topic: MEETINGS_MEETING_TOPIC.name,
  description: 'A scheduled meeting was called off; it will not be held.',
  payload: z.object({
    ...meetingRef,
    /** Planned start of the meeting that was called off. */
    scheduledStart: instant,
    /** Why, as given by the canceller. */
    reason: z.string().min(1),
    cancelledAt: instant,
  }),
});

export const MeetingHeldV1 = defineEvent({
  type: 'meetings.meeting.held',
  version: 1,
  topic: MEETINGS_MEETING_TOPIC.name,
  description: 'A meeting took place; carries its attendance at the moment it was recorded held.',
  payload: z.object({
    ...meetingRef,
    /** When it actually started and ended. */
    heldStart: instant,
    heldEnd: instant,
    /** When it was recorded held; attendance may be added until `attendanceLocksAt`. */
    recordedAt: instant,
    attendanceLocksAt: instant,
    /** Named members present. */
    namedCount: z.number().int().nonnegative(),
    /** Unnamed people counted. */
    headcount: z.number().int().nonnegative(),
    /** namedCount + headcount (+ per-district counts of a vc-review). */
    totalAttendance: z.number().int().nonnegative(),
    /** Expected named attendees, to compare turnout. */
    expectedAttendeeCount: z.number().int().nonnegative(),
    /** Photos uploaded so far, and how many of them are verified. */
    photoCount: z.number().int().nonnegative(),
    verifiedPhotoCount: z.number().int().nonnegative(),
    /** For a vc-review: attendance per linked district. Empty otherwise. */
    districts: z.array(districtAttendance),
  }),
});

export const MeetingAttendanceRecordedV1 = defineEvent({
  type: 'meetings.meeting.attendance-recorded',
  version: 1,
  topic: MEETINGS_MEETING_TOPIC.name,
  description:
    'Attendance was added to a meeting (organiser check-in, QR check-in or a late addition); counts are the new totals.',
  payload: z.object({
    ...meetingRef,
    /** Members added by this recording (may be empty when only the headcount changed). */
    addedMemberIds: z.array(id),
    /** How they were recorded. */
    method: z.enum(['organiser', 'qr', 'late-addition']),
    /** New totals for the whole meeting after this recording. */
    namedCount: z.number().int().nonnegative(),
    headcount: z.number().int().nonnegative(),
    totalAttendance: z.number().int().nonnegative(),
    /** For a vc-review: the district this recording was for, else null. */
    districtId: id.nullable(),
    recordedAt: instant,
    /** People this recording added to `totalAttendance` (named members plus headcount). */
    addedAttendance: z.number().int().nonnegative().optional(),
    /**
     * When the meeting started, for a `late-addition` (recorded after the held event, whose totals do not
     * include it); absent otherwise. Consumers that count attendance by meeting date count late additions here.
     */
    heldStart: instant.optional(),
  }),
});

export const MEETING_EVENTS = [
  MeetingScheduledV1,
  MeetingRescheduledV1,
  MeetingCancelledV1,
  MeetingHeldV1,
  MeetingAttendanceRecordedV1,
];
