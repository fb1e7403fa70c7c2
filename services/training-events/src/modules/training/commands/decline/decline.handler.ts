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
import type { SessionState } from '../../domain/training-state';

/** Declining frees a held seat, which goes to the longest-waiting member on the waitlist. */
@Injectable()
export class DeclineHandler {
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
    if (subject.participant.status === 'declined') return toParticipantView(subject.participant);
    assertRsvpOpen(sessionFacts(subject.session), new Date());
    const updated = await this.rsvp.decline(subject, ctx);
    if (!updated) return toParticipantView((await this.participants.find(sessionId, memberId))!);
    if (await this.sessions.releaseSeat(sessionId, memberId))
      await this.promoteFromWaitlist(subject.session, ctx);
    return toParticipantView(updated);
  }

  private async promoteFromWaitlist(session: SessionState, ctx: RequestContext): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const next = await this.participants.firstOnWaitlist(session._id);
      if (!next) return;
      // Someone else took the seat.
      if (!(await this.sessions.claimSeat(session._id, next.memberId, session.capacity))) return;
      if (
        await this.rsvp.register(
          { session, participant: next },
          { status: 'registered', promoted: true },
          ctx,
        )
      )
        return;
      await this.sessions.releaseSeat(session._id, next.memberId); // they declined meanwhile: try the next one
    }
  }
}
