import type { Principal } from '@sangathan/auth';
import { RsvpService } from '../../src/modules/training/application/rsvp.service';
import { TrainingAccess } from '../../src/modules/training/application/training-access';
import type { RequestContext } from '../../src/modules/training/application/training.integration-events';
import { participantIdOf } from '../../src/modules/training/domain/participant.entity';
import type {
  ParticipantState,
  ProgrammeState,
  SessionState,
} from '../../src/modules/training/domain/training-state';
import { InMemoryInvitationBatches } from './in-memory-invitation-batches';
import { seededDirectory } from './in-memory-org-directory';
import { InMemoryParticipants } from './in-memory-participants';
import { InMemoryProgrammes } from './in-memory-programmes';
import { InMemorySessions } from './in-memory-sessions';

const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** Every port of the training context in memory, and the application services over them. */
export function trainingFakes() {
  const programmes = new InMemoryProgrammes();
  const sessions = new InMemorySessions();
  const participants = new InMemoryParticipants();
  const batches = new InMemoryInvitationBatches();
  const directory = seededDirectory();
  const access = new TrainingAccess(programmes, sessions);
  const rsvp = new RsvpService(access, participants);
  return { programmes, sessions, participants, batches, directory, access, rsvp };
}

export const ctx: RequestContext = { actorId: 'tester', correlationId: 'corr-1' };

/** A UP-wide organiser (training:write over UP's subtree). */
export const STATE_ORGANISER: Principal = {
  sub: 'organiser',
  roles: ['state-leader'],
  areaId: 'UP',
  areaPath: ['IN'],
};
/** A district organiser elsewhere in UP: outside the sessions' Lok Sabha seats. */
export const OTHER_DISTRICT_ORGANISER: Principal = {
  sub: 'other-organiser',
  roles: ['district-president'],
  areaId: 'D-9',
  areaPath: ['IN', 'UP'],
};
export const member = (sub: string): Principal => ({
  sub,
  roles: ['booth-worker'],
  areaId: 'B-1',
  areaPath: ['IN', 'UP', 'D-1', 'A-1'],
});

export function aProgramme(overrides: Partial<ProgrammeState> = {}): ProgrammeState {
  return {
    _id: 'P1',
    title: 'IT cell meeting',
    titleHi: null,
    areaId: 'UP',
    ancestors: ['IN'],
    windowStart: new Date(Date.now() - 10 * DAY),
    windowEnd: new Date(Date.now() + 30 * DAY),
    audience: { positions: ['it-cell-mandal'], areaLevels: ['mandal'] },
    audienceTypes: ['it-cell-mandal'],
    sessionPlan: { kind: 'per-area', level: 'lok-sabha' },
    targetRule: { kind: 'fixed', value: 10 },
    schedule: { capacity: 2, allowWalkIns: true, venue: null },
    passScore: null,
    plannedSessions: [],
    sessionCount: 1,
    totalTarget: 10,
    missingTargetBasis: [],
    materialisation: 'done',
    invitedCount: 0,
    sessionsInvited: 1,
    materialisedAt: null,
    leaseUntil: null,
    createdBy: 'organiser',
    createdAt: new Date(),
    ...overrides,
  };
}

/** A scheduled session at Lok Sabha seat LS-1, two days ahead unless `startsAt` says otherwise. */
export function aSession(overrides: Partial<SessionState> = {}): SessionState {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 2 * DAY);
  return {
    _id: 'P1.LS-1',
    programmeId: 'P1',
    areaId: 'LS-1',
    areaLevel: 'lok-sabha',
    ancestors: ['IN', 'UP'],
    title: 'IT cell meeting — LS-1',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    venue: null,
    target: 10,
    capacity: 2,
    allowWalkIns: false,
    passScore: null,
    status: 'scheduled',
    registeredCount: 0,
    invitations: 'done',
    invitedCount: 0,
    turnout: null,
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    ...overrides,
  };
}

/** A session that started a few minutes ago (check-in, completion and holding are open). */
export const aStartedSession = (overrides: Partial<SessionState> = {}) =>
  aSession({ startsAt: new Date(Date.now() - 5 * 60_000), ...overrides });

export function anInvitee(
  session: SessionState,
  memberId: string,
  overrides: Partial<ParticipantState> = {},
): ParticipantState {
  return {
    _id: participantIdOf(session._id, memberId),
    sessionId: session._id,
    programmeId: session.programmeId,
    areaId: session.areaId,
    ancestors: session.ancestors,
    memberId,
    name: `Member ${memberId}`,
    nameAlt: null,
    positionId: `it-cell-mandal:${memberId}`,
    memberAreaId: 'M-1',
    status: 'invited',
    walkIn: false,
    invitedAt: new Date(Date.now() - DAY),
    registeredAt: null,
    waitlistedAt: null,
    declinedAt: null,
    attendedAt: null,
    checkInMethod: null,
    completedAt: null,
    score: null,
    rating: null,
    comment: null,
    feedbackAt: null,
    invitationBatchId: null,
    ...overrides,
  };
}
