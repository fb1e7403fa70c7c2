import { Inject, Injectable } from '@nestjs/common';
import { assertCan, hasPermission, isWithinScope, type Principal } from '@sangathan/auth';
import { ForbiddenError, NotFoundError } from '@sangathan/kernel';
import type { ParticipantFacts, SessionFacts } from '../domain/participant.entity';
import type { ParticipantState, ProgrammeSummary, SessionState } from '../domain/training-state';
import { PROGRAMME_REPOSITORY, type ProgrammeRepositoryPort } from './ports/programme-repository.port';
import { SESSION_REPOSITORY, type SessionRepositoryPort } from './ports/session-repository.port';

type Placed = { areaId: string; ancestors: string[] };

/** Loading a programme or session by id (404 if unknown), before the caller's scope is checked. */
@Injectable()
export class TrainingAccess {
  constructor(
    @Inject(PROGRAMME_REPOSITORY) private readonly programmes: ProgrammeRepositoryPort,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
  ) {}

  async session(sessionId: string): Promise<SessionState> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw new NotFoundError('session', sessionId);
    return session;
  }

  async programme(programmeId: string): Promise<ProgrammeSummary> {
    const programme = await this.programmes.findById(programmeId);
    if (!programme) throw new NotFoundError('programme', programmeId);
    return programme;
  }
}

/** Organisers: training:write over the session's area. */
export function assertOrganiser(principal: Principal, session: Placed): void {
  assertCan(principal, 'training:write', { areaId: session.areaId, ancestors: session.ancestors });
}

/** The member themselves (with training:read), or an organiser of the session's area. */
export function assertSelfOrOrganiser(principal: Principal, session: Placed, memberId: string): void {
  if (principal.sub === memberId) {
    if (!hasPermission(principal, 'training:read')) assertCan(principal, 'training:read');
    return;
  }
  if (!hasPermission(principal, 'training:write')) {
    throw new ForbiddenError('NOT_YOUR_INVITATION', 'you may only act on your own invitation', [
      { field: 'memberId', message: 'not you' },
    ]);
  }
  assertOrganiser(principal, session);
}

/**
 * Readers: training:read and the area inside their subtree, or an area above them (a district
 * president may see the state-wide programme their district's session belongs to).
 */
export function canSee(principal: Principal, area: Placed): boolean {
  return isWithinScope(principal, area) || principal.areaPath.includes(area.areaId);
}

export function assertCanSee(principal: Principal, area: Placed): void {
  assertCan(principal, 'training:read');
  if (!canSee(principal, area)) {
    throw new ForbiddenError('OUT_OF_SCOPE', `area ${area.areaId} is outside your area ${principal.areaId}`, [
      { field: 'areaId', message: 'outside the caller’s subtree' },
    ]);
  }
}

export function sessionFacts(session: SessionState): SessionFacts {
  return {
    status: session.status,
    startsAt: session.startsAt,
    allowWalkIns: session.allowWalkIns,
    passScore: session.passScore,
  };
}

export function participantFacts(p: ParticipantState | null): ParticipantFacts | null {
  return p
    ? {
        status: p.status,
        walkIn: p.walkIn,
        attendedAt: p.attendedAt,
        completedAt: p.completedAt,
        feedbackAt: p.feedbackAt,
      }
    : null;
}
