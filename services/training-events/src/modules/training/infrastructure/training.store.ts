import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertCan, hasPermission, isWithinScope, type Principal } from '@sangathan/auth';
import { ForbiddenError, NotFoundError } from '@sangathan/kernel';
import type { Model } from 'mongoose';
import { participantIdOf, type ParticipantFacts, type SessionFacts } from '../domain/participant.entity';
import { ParticipantDocument, ProgrammeDocument, SessionDocument } from './training.schemas';

/** Loading and access checks shared by the session and participant use cases. */
@Injectable()
export class TrainingStore {
  constructor(
    @InjectModel(ProgrammeDocument.name) readonly programmes: Model<ProgrammeDocument>,
    @InjectModel(SessionDocument.name) readonly sessions: Model<SessionDocument>,
    @InjectModel(ParticipantDocument.name) readonly participants: Model<ParticipantDocument>,
  ) {}

  async session(sessionId: string): Promise<SessionDocument> {
    const doc = await this.sessions
      .findById(sessionId, { registeredIds: 0, outbox: 0 })
      .lean<SessionDocument>()
      .exec();
    if (!doc) throw new NotFoundError('session', sessionId);
    return doc;
  }

  async programme(programmeId: string): Promise<ProgrammeDocument> {
    const doc = await this.programmes
      .findById(programmeId, { outbox: 0, plannedSessions: 0 })
      .lean<ProgrammeDocument>()
      .exec();
    if (!doc) throw new NotFoundError('programme', programmeId);
    return doc;
  }

  async participant(sessionId: string, memberId: string): Promise<ParticipantDocument | null> {
    return this.participants
      .findById(participantIdOf(sessionId, memberId), { outbox: 0 })
      .lean<ParticipantDocument>()
      .exec();
  }
}

/** Organisers: training:write over the session's area. */
export function assertOrganiser(
  principal: Principal,
  session: { areaId: string; ancestors: string[] },
): void {
  assertCan(principal, 'training:write', { areaId: session.areaId, ancestors: session.ancestors });
}

/** The member themselves (with training:read), or an organiser of the session's area. */
export function assertSelfOrOrganiser(
  principal: Principal,
  session: { areaId: string; ancestors: string[] },
  memberId: string,
): void {
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
export function canSee(principal: Principal, area: { areaId: string; ancestors: string[] }): boolean {
  return isWithinScope(principal, area) || principal.areaPath.includes(area.areaId);
}

export function assertCanSee(principal: Principal, area: { areaId: string; ancestors: string[] }): void {
  assertCan(principal, 'training:read');
  if (!canSee(principal, area)) {
    throw new ForbiddenError('OUT_OF_SCOPE', `area ${area.areaId} is outside your area ${principal.areaId}`, [
      { field: 'areaId', message: 'outside the caller’s subtree' },
    ]);
  }
}

export function sessionFacts(session: SessionDocument): SessionFacts {
  return {
    status: session.status,
    startsAt: session.startsAt,
    allowWalkIns: session.allowWalkIns,
    passScore: session.passScore,
  };
}

export function participantFacts(p: ParticipantDocument | null): ParticipantFacts | null {
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
