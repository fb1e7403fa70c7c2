import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { toParticipantView, type ParticipantView } from '../../application/participant.view';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import {
  SESSION_REPOSITORY,
  type SessionRepositoryPort,
} from '../../application/ports/session-repository.port';
import { RsvpService } from '../../application/rsvp.service';
import { sessionFacts } from '../../application/training-access';
import type { RequestContext } from '../../application/training.integration-events';
import { assertRsvpOpen } from '../../domain/participant.entity';

/**
 * Registration: a seat if one is free, otherwise the waitlist (never an error). The seat is claimed
 * on the session document first, then the participant's status and event are written; a retry
 * after a crash in between finds the seat already held and completes the registration.
 */
@Injectable()
export class RegisterHandler {
  constructor(
    private readonly rsvp: RsvpService,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
  ) {}

  async execute(
    sessionId: string,
    memberId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<ParticipantView> {
    const subject = await this.rsvp.subject(sessionId, memberId, principal);
    if (subject.participant.status === 'registered' || subject.participant.status === 'waitlisted')
      return toParticipantView(subject.participant);
    assertRsvpOpen(sessionFacts(subject.session), new Date());
    const seated = await this.sessions.claimSeat(sessionId, memberId, subject.session.capacity);
    const updated = await this.rsvp.register(
      subject,
      { status: seated ? 'registered' : 'waitlisted', promoted: false },
      ctx,
    );
    // Lost a race with another RSVP of the same member: answer with what is there now.
    return toParticipantView(updated ?? (await this.participants.find(sessionId, memberId))!);
  }
}
