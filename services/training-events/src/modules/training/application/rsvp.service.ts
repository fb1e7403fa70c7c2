import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingParticipantDeclinedV1, TrainingParticipantRegisteredV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import type { ParticipantState, SessionState } from '../domain/training-state';
import { PARTICIPANT_REPOSITORY, type ParticipantRepositoryPort } from './ports/participant-repository.port';
import { assertSelfOrOrganiser, TrainingAccess } from './training-access';
import { iso, outboxEvent, type RequestContext } from './training.integration-events';

export type RsvpSubject = { session: SessionState; participant: ParticipantState };
type RegisteredAs = { status: 'registered' | 'waitlisted'; promoted: boolean };

/**
 * RSVP state changes of one invitation (register, waitlist, promotion off the waitlist, decline),
 * each one guarded single-document write of the participant with its event, conditional on the
 * status it was decided on.
 */
@Injectable()
export class RsvpService {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
  ) {}

  /** The session and the member's invitation an RSVP acts on; the caller must be the member or an organiser. */
  async subject(sessionId: string, memberId: string, principal: Principal): Promise<RsvpSubject> {
    const session = await this.access.session(sessionId);
    assertSelfOrOrganiser(principal, session, memberId);
    const participant = await this.participants.find(sessionId, memberId);
    if (!participant || participant.walkIn) {
      throw new ConflictError('NOT_INVITED', `member ${memberId} is not invited to this session`, [
        { field: 'memberId', message: 'not invited' },
      ]);
    }
    return { session, participant };
  }

  /** Moves the participant from its current status to registered/waitlisted; null if its status changed meanwhile. */
  register(
    { session, participant }: RsvpSubject,
    as: RegisteredAs,
    ctx: RequestContext,
  ): Promise<ParticipantState | null> {
    const now = new Date();
    const event = outboxEvent(
      TrainingParticipantRegisteredV1,
      { ...ref(session, participant), status: as.status, promoted: as.promoted, registeredAt: iso(now) },
      participant._id,
      session,
      ctx,
      now,
    );
    const since = as.status === 'registered' ? { registeredAt: now } : { waitlistedAt: now };
    return this.participants.save(
      participant,
      { status: participant.status },
      { status: as.status, ...since },
      [event],
    );
  }

  /** Moves the participant from its current status to declined; null if its status changed meanwhile. */
  decline({ session, participant }: RsvpSubject, ctx: RequestContext): Promise<ParticipantState | null> {
    const now = new Date();
    const previousStatus = participant.status as 'invited' | 'registered' | 'waitlisted';
    const event = outboxEvent(
      TrainingParticipantDeclinedV1,
      { ...ref(session, participant), previousStatus, declinedAt: iso(now) },
      participant._id,
      session,
      ctx,
      now,
    );
    return this.participants.save(
      participant,
      { status: participant.status },
      { status: 'declined', declinedAt: now },
      [event],
    );
  }
}

function ref(session: SessionState, participant: ParticipantState) {
  return {
    programmeId: session.programmeId,
    sessionId: session._id,
    areaId: session.areaId,
    participantId: participant._id,
    memberId: participant.memberId,
  };
}
