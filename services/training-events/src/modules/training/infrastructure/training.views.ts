import type { ParticipantDocument, ProgrammeDocument, SessionDocument } from './training.schemas';

export type ProgrammeView = {
  id: string;
  title: string;
  titleHi: string | null;
  rootAreaId: string;
  windowStart: string;
  windowEnd: string;
  audience: ProgrammeDocument['audience'];
  sessionPlan: ProgrammeDocument['sessionPlan'];
  targetRule: ProgrammeDocument['targetRule'];
  passScore: number | null;
  sessionCount: number;
  totalTarget: number;
  missingTargetBasis: string[];
  /** `pending` while invitations are still being written; `done` once every session's invitations exist. */
  materialisation: 'pending' | 'done';
  /** Invitations written so far: grows while `pending`, final once `done`. */
  invitedCount: number;
  /** Sessions whose invitations are all written (progress: out of `sessionCount`). */
  sessionsInvited: number;
  createdAt: string;
};

export function toProgrammeView(doc: ProgrammeDocument): ProgrammeView {
  return {
    id: doc._id,
    title: doc.title,
    titleHi: doc.titleHi,
    rootAreaId: doc.areaId,
    windowStart: doc.windowStart.toISOString(),
    windowEnd: doc.windowEnd.toISOString(),
    audience: doc.audience,
    sessionPlan: doc.sessionPlan,
    targetRule: doc.targetRule,
    passScore: doc.passScore,
    sessionCount: doc.sessionCount,
    totalTarget: doc.totalTarget,
    missingTargetBasis: doc.missingTargetBasis ?? [],
    materialisation: doc.materialisation,
    invitedCount: doc.invitedCount,
    sessionsInvited: doc.sessionsInvited ?? 0,
    createdAt: doc.createdAt.toISOString(),
  };
}

export type SessionView = {
  id: string;
  programmeId: string;
  areaId: string;
  areaLevel: string;
  ancestors: string[];
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  target: number;
  capacity: number | null;
  allowWalkIns: boolean;
  status: string;
  registeredCount: number;
  invitations: 'pending' | 'done';
  invitedCount: number;
  turnout: Record<string, number> | null;
  heldAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
};

export function toSessionView(doc: SessionDocument): SessionView {
  return {
    id: doc._id,
    programmeId: doc.programmeId,
    areaId: doc.areaId,
    areaLevel: doc.areaLevel,
    ancestors: doc.ancestors,
    title: doc.title,
    startsAt: doc.startsAt.toISOString(),
    endsAt: doc.endsAt.toISOString(),
    venue: doc.venue,
    target: doc.target,
    capacity: doc.capacity,
    allowWalkIns: doc.allowWalkIns,
    status: doc.status,
    registeredCount: doc.registeredCount,
    invitations: doc.invitations,
    invitedCount: doc.invitedCount,
    turnout: doc.turnout ?? null,
    heldAt: doc.heldAt?.toISOString() ?? null,
    cancelledAt: doc.cancelledAt?.toISOString() ?? null,
    cancelReason: doc.cancelReason ?? null,
  };
}

export type ParticipantView = {
  id: string;
  sessionId: string;
  programmeId: string;
  areaId: string;
  memberId: string;
  name: string;
  nameAlt: string | null;
  positionId: string | null;
  status: string;
  walkIn: boolean;
  invitedAt: string | null;
  registeredAt: string | null;
  waitlistedAt: string | null;
  declinedAt: string | null;
  attendedAt: string | null;
  checkInMethod: string | null;
  completedAt: string | null;
  score: number | null;
  rating: number | null;
  comment: string | null;
};

const isoOrNull = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

export function toParticipantView(doc: ParticipantDocument): ParticipantView {
  return {
    id: doc._id,
    sessionId: doc.sessionId,
    programmeId: doc.programmeId,
    areaId: doc.areaId,
    memberId: doc.memberId,
    name: doc.name,
    nameAlt: doc.nameAlt,
    positionId: doc.positionId,
    status: doc.status,
    walkIn: doc.walkIn,
    invitedAt: isoOrNull(doc.invitedAt),
    registeredAt: isoOrNull(doc.registeredAt),
    waitlistedAt: isoOrNull(doc.waitlistedAt),
    declinedAt: isoOrNull(doc.declinedAt),
    attendedAt: isoOrNull(doc.attendedAt),
    checkInMethod: doc.checkInMethod,
    completedAt: isoOrNull(doc.completedAt),
    score: doc.score,
    rating: doc.rating,
    comment: doc.comment,
  };
}
