import { z } from 'zod';
import { DAY_MS, type TopicDefinition } from '../catalog/topic-definition';
import { defineEvent, type EventDefinition } from '../envelope/event-definition';
import { areaLevelSchema } from '../org/area-level';

/*
 * Training programmes, their sessions, and each invited member's way through a session
 * (invited → registered / waitlisted / declined → attended → completed → feedback).
 *
 * Aggregates and keys:
 * - programme (`training.programme.events`, key programmeId)
 * - session (`training.session.events`, key sessionId): one per area of the programme's plan
 * - participant (`training.participant.events`, key participantId = `<sessionId>~<memberId>`):
 *   one member's invitation to one session; attendance, completion and feedback are parts of it,
 *   so one participant's events stay ordered.
 *
 * Every payload repeats `programmeId`, `sessionId` and the session's `areaId` so a consumer
 * (analytics' training turnout) can fold an event without a lookup.
 */

export const TRAINING_PROGRAMME_TOPIC = {
  name: 'training.programme.events',
  description: 'Training programmes: created (with their audience rule, session plan and target rule).',
  key: 'programmeId',
  partitions: 3,
  retentionMs: -1,
  cleanupPolicy: 'delete',
  owner: 'training-events',
} as const satisfies TopicDefinition;

export const TRAINING_SESSION_TOPIC = {
  name: 'training.session.events',
  description:
    'Sessions of training programmes: scheduled, rescheduled, cancelled, held (with turnout against target).',
  key: 'sessionId',
  partitions: 3,
  retentionMs: -1,
  cleanupPolicy: 'delete',
  owner: 'training-events',
} as const satisfies TopicDefinition;

export const TRAINING_PARTICIPANT_TOPIC = {
  name: 'training.participant.events',
  description:
    'One member in one session: invited, registered (or waitlisted), declined, attendance recorded, training completed, feedback given (key: participantId = <sessionId>~<memberId>).',
  key: 'participantId',
  partitions: 6,
  retentionMs: 730 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'training-events',
} as const satisfies TopicDefinition;

const isoDateTime = z.iso.datetime({ offset: true });

/** Who a programme is for: holders of any of `positions` whose position sits at one of `areaLevels`. */
export const trainingAudienceSchema = z.object({
  /** Position types (org's `PositionType`, e.g. `it-cell-sector`, `district-president`). */
  positions: z.array(z.string().min(1)).min(1),
  /** Area levels the positions must be held at (e.g. `sector`, `mandal`, `assembly`). */
  areaLevels: z.array(areaLevelSchema).min(1),
});
export type TrainingAudience = z.infer<typeof trainingAudienceSchema>;

/** How sessions are laid out: one per area of a level (under `rootAreaId`), or one central session. */
export const sessionPlanSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('per-area'),
    /** Level whose every area (under the programme's root area) gets one session, e.g. `lok-sabha`. */
    level: areaLevelSchema,
  }),
  z.object({
    kind: z.literal('central'),
    /** Area hosting the single session (invitations come from its whole subtree). */
    areaId: z.string().min(1),
  }),
]);
export type SessionPlan = z.infer<typeof sessionPlanSchema>;

/** How each session's attendance target is set. */
export const targetRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fixed'),
    /** Same target for every session. */ value: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('scaled'),
    /** Size figure of the session's area that scales the target. */
    basis: z.enum(['booths', 'voters']),
    /** Target of the smallest area of the plan. */
    min: z.number().int().positive(),
    /** Target of the largest area of the plan. */
    max: z.number().int().positive(),
  }),
]);
export type TargetRule = z.infer<typeof targetRuleSchema>;

/** Snapshot of where a session sits, carried by every session and participant event. */
const sessionRef = {
  /** Programme the session belongs to (UUIDv7). */
  programmeId: z.string().min(1),
  /** Session id: `<programmeId>.<areaId>` (one session per area of a programme). */
  sessionId: z.string().min(1),
  /** Area the session serves (an area of the plan's level, or the central area). */
  areaId: z.string().min(1),
};

const participantRef = {
  ...sessionRef,
  /** `<sessionId>~<memberId>`: the participant aggregate id and message key. */
  participantId: z.string().min(1),
  /** Org member id. */
  memberId: z.string().min(1),
};

export const TrainingProgrammeCreatedV1 = defineEvent({
  type: 'training.programme.created',
  version: 1,
  topic: TRAINING_PROGRAMME_TOPIC.name,
  description:
    'A training programme was created and its sessions generated (each announced by training.session.scheduled).',
  payload: z.object({
    programmeId: z.string().min(1),
    /** English title. */
    title: z.string().min(1),
    /** Hindi (Devanagari) title, NFC-normalised. */
    titleHi: z.string().min(1).nullable(),
    /** Area whose subtree the programme covers (its owner's scope). */
    rootAreaId: z.string().min(1),
    /** First day sessions may take place (inclusive). */
    windowStart: isoDateTime,
    /** Last moment sessions may end (inclusive). */
    windowEnd: isoDateTime,
    audience: trainingAudienceSchema,
    sessionPlan: sessionPlanSchema,
    targetRule: targetRuleSchema,
    /** Sessions generated at creation. */
    sessionCount: z.number().int().nonnegative(),
    /** Sum of the targets of all sessions. */
    totalTarget: z.number().int().nonnegative(),
    createdAt: isoDateTime,
  }),
});

export const TrainingSessionScheduledV1 = defineEvent({
  type: 'training.session.scheduled',
  version: 1,
  topic: TRAINING_SESSION_TOPIC.name,
  description: 'A session of a programme was scheduled for an area, with its attendance target.',
  payload: z.object({
    ...sessionRef,
    /** Level of the session's area. */
    areaLevel: areaLevelSchema,
    /** Ancestors of the session's area, root first (for rollups). */
    ancestors: z.array(z.string().min(1)),
    title: z.string().min(1),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    /** Attendance target (people), fixed or derived from the area's size. */
    target: z.number().int().nonnegative(),
    /** Seats; registrations beyond it go to the waitlist. Null = unlimited. */
    capacity: z.number().int().positive().nullable(),
    /** Whether uninvited members may check in (recorded as walk-ins). */
    allowWalkIns: z.boolean(),
    /** Where it takes place (free text) or null for video conference. */
    venue: z.string().min(1).nullable(),
  }),
});

export const TrainingSessionRescheduledV1 = defineEvent({
  type: 'training.session.rescheduled',
  version: 1,
  topic: TRAINING_SESSION_TOPIC.name,
  description: 'A scheduled session moved to another time (still inside the programme window).',
  payload: z.object({
    ...sessionRef,
    previousStartsAt: isoDateTime,
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    venue: z.string().min(1).nullable(),
  }),
});

export const TrainingSessionCancelledV1 = defineEvent({
  type: 'training.session.cancelled',
  version: 1,
  topic: TRAINING_SESSION_TOPIC.name,
  description: 'A session was called off; its target no longer counts.',
  payload: z.object({
    ...sessionRef,
    reason: z.string().min(1),
    cancelledAt: isoDateTime,
  }),
});

export const TrainingSessionHeldV1 = defineEvent({
  type: 'training.session.held',
  version: 1,
  topic: TRAINING_SESSION_TOPIC.name,
  description: 'A session took place; carries its final turnout against target.',
  payload: z.object({
    ...sessionRef,
    areaLevel: areaLevelSchema,
    ancestors: z.array(z.string().min(1)),
    /** When the session started and ended. */
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    /** When the organiser closed it. */
    heldAt: isoDateTime,
    target: z.number().int().nonnegative(),
    /** Members invited. */
    invitedCount: z.number().int().nonnegative(),
    /** Members with a seat (registered), excluding the waitlist. */
    registeredCount: z.number().int().nonnegative(),
    /** Everyone checked in, walk-ins included. */
    attendedCount: z.number().int().nonnegative(),
    /** Checked in without an invitation. */
    walkInCount: z.number().int().nonnegative(),
    /** Attendees who completed the training. */
    completedCount: z.number().int().nonnegative(),
    /** attendedCount / target (0 when the target is 0). */
    turnoutRatio: z.number().nonnegative(),
  }),
});

export const TrainingParticipantInvitedV1 = defineEvent({
  type: 'training.participant.invited',
  version: 1,
  topic: TRAINING_PARTICIPANT_TOPIC.name,
  description:
    'A member matching the programme audience was invited to the session of their area (reminders: notifications).',
  payload: z.object({
    ...participantRef,
    /** Position that matched the audience rule (`<type>:<areaId>`). */
    positionId: z.string().min(1),
    /** Area of the member's position (inside the session's area). */
    memberAreaId: z.string().min(1),
    startsAt: isoDateTime,
    invitedAt: isoDateTime,
  }),
});

export const TrainingParticipantRegisteredV1 = defineEvent({
  type: 'training.participant.registered',
  version: 1,
  topic: TRAINING_PARTICIPANT_TOPIC.name,
  description:
    'An invited member registered: with a seat, or on the waitlist when the session is full; also sent when promoted off the waitlist.',
  payload: z.object({
    ...participantRef,
    status: z.enum(['registered', 'waitlisted']),
    /** True when a seat freed up and this member moved off the waitlist. */
    promoted: z.boolean(),
    registeredAt: isoDateTime,
  }),
});

export const TrainingParticipantDeclinedV1 = defineEvent({
  type: 'training.participant.declined',
  version: 1,
  topic: TRAINING_PARTICIPANT_TOPIC.name,
  description: 'An invited member declined (or withdrew a registration, freeing the seat).',
  payload: z.object({
    ...participantRef,
    previousStatus: z.enum(['invited', 'registered', 'waitlisted']),
    declinedAt: isoDateTime,
  }),
});

export const TrainingAttendanceRecordedV1 = defineEvent({
  type: 'training.attendance.recorded',
  version: 1,
  topic: TRAINING_PARTICIPANT_TOPIC.name,
  description: 'A member checked in to a session (organiser list or QR), possibly as a walk-in.',
  payload: z.object({
    ...participantRef,
    method: z.enum(['list', 'qr']),
    /** Checked in without an invitation (only where the session allows walk-ins). */
    walkIn: z.boolean(),
    /** The session's target, so a turnout fold needs no lookup. */
    sessionTarget: z.number().int().nonnegative(),
    checkedInAt: isoDateTime,
  }),
});

export const TrainingCompletedV1 = defineEvent({
  type: 'training.participant.completed',
  version: 1,
  topic: TRAINING_PARTICIPANT_TOPIC.name,
  description:
    'An attendee completed the training, with an optional assessment score; a certificate is available.',
  payload: z.object({
    ...participantRef,
    /** Assessment score 0-100, or null when the programme has no assessment. */
    score: z.number().min(0).max(100).nullable(),
    completedAt: isoDateTime,
  }),
});

export const TrainingFeedbackGivenV1 = defineEvent({
  type: 'training.feedback.given',
  version: 1,
  topic: TRAINING_PARTICIPANT_TOPIC.name,
  description:
    'An attendee rated the session (1-5) with an optional comment (NFC-normalised; Devanagari welcome).',
  payload: z.object({
    ...participantRef,
    rating: z.number().int().min(1).max(5),
    comment: z.string().min(1).nullable(),
    givenAt: isoDateTime,
  }),
});

/** Topics owned by the training-events service. */
export const TRAINING_TOPICS: TopicDefinition[] = [
  TRAINING_PROGRAMME_TOPIC,
  TRAINING_SESSION_TOPIC,
  TRAINING_PARTICIPANT_TOPIC,
];
/** Integration events of the training-events service. */
export const TRAINING_EVENTS: EventDefinition[] = [
  TrainingProgrammeCreatedV1,
  TrainingSessionScheduledV1,
  TrainingSessionRescheduledV1,
  TrainingSessionCancelledV1,
  TrainingSessionHeldV1,
  TrainingParticipantInvitedV1,
  TrainingParticipantRegisteredV1,
  TrainingParticipantDeclinedV1,
  TrainingAttendanceRecordedV1,
  TrainingCompletedV1,
  TrainingFeedbackGivenV1,
] as EventDefinition[];
