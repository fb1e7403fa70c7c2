import type { AreaLevel, SessionPlan, TargetRule, TrainingAudience } from '@sangathan/contracts';
import type { RsvpStatus, SessionStatus } from './participant.entity';

/** One session the programme plans (kept on the programme so generation can resume after a crash). */
export type PlannedSessionRecord = {
  sessionId: string;
  areaId: string;
  startsAt: Date;
  endsAt: Date;
  target: number;
};

/** A training programme as stored; `areaId` is its root area so scope rules work like every other document. */
export type ProgrammeState = {
  _id: string;
  title: string;
  titleHi: string | null;
  areaId: string;
  ancestors: string[];
  windowStart: Date;
  windowEnd: Date;
  audience: TrainingAudience;
  /** Audience position types that can exist at the audience levels (what invitations look for). */
  audienceTypes: string[];
  sessionPlan: SessionPlan;
  targetRule: TargetRule;
  schedule: Record<string, unknown>;
  passScore: number | null;
  plannedSessions: PlannedSessionRecord[];
  sessionCount: number;
  totalTarget: number;
  /** Plan areas whose size figure was unknown (they got the minimum target). */
  missingTargetBasis: string[];
  /** `pending` until every session exists and every invitation is written; resumed after a crash. */
  materialisation: 'pending' | 'done';
  invitedCount: number;
  sessionsInvited: number;
  materialisedAt: Date | null;
  leaseUntil: Date | null;
  createdBy: string | null;
  createdAt: Date;
};

/** A programme as every read but materialisation sees it: without its (long) list of planned sessions. */
export type ProgrammeSummary = Omit<ProgrammeState, 'plannedSessions'>;

/** A session as stored (`_id` is `<programmeId>.<areaId>`); the seat holders stay in the database. */
export type SessionState = {
  _id: string;
  programmeId: string;
  areaId: string;
  areaLevel: AreaLevel;
  ancestors: string[];
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  target: number;
  capacity: number | null;
  allowWalkIns: boolean;
  passScore: number | null;
  status: SessionStatus;
  registeredCount: number;
  /** `pending` until this session's invitations are all written. */
  invitations: 'pending' | 'done';
  invitedCount: number;
  turnout: Record<string, number> | null;
  heldAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
};

/** One member in one session (`_id` is `<sessionId>~<memberId>`). */
export type ParticipantState = {
  _id: string;
  sessionId: string;
  programmeId: string;
  /** The session's area and its ancestors (scope). */
  areaId: string;
  ancestors: string[];
  memberId: string;
  name: string;
  nameAlt: string | null;
  positionId: string | null;
  memberAreaId: string | null;
  status: RsvpStatus;
  walkIn: boolean;
  invitedAt: Date | null;
  registeredAt: Date | null;
  waitlistedAt: Date | null;
  declinedAt: Date | null;
  attendedAt: Date | null;
  checkInMethod: 'list' | 'qr' | null;
  completedAt: Date | null;
  score: number | null;
  rating: number | null;
  comment: string | null;
  feedbackAt: Date | null;
  /**
   * The invitation batch that carries this participant's `invited` event, until the participant's
   * next own event is written: then null. Invitations written one by one (late joiners) and
   * walk-ins carry their events themselves and have none.
   */
  invitationBatchId: string | null;
};
