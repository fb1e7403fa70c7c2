import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { assertRsvpOpen } from '../../domain/participant.entity';
import { RsvpWriter } from '../../infrastructure/rsvp-writer';
import { SeatLedger } from '../../infrastructure/seat-ledger';
import { sessionFacts, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import type { RequestContext } from '../../training-integration-events';

/**
 * Registration: a seat if one is free, otherwise the waitlist (never an error). The seat is claimed
 * on the session document first, then the participant's status and event are written; a retry
 * after a crash in between finds the seat already held and completes the registration.
 */
@Injectable()
export class RegisterHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly rsvp: RsvpWriter,
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
    const seated = await new SeatLedger(this.store.sessions).claim(
      sessionId,
      memberId,
      subject.session.capacity,
    );
    const updated = await this.rsvp.register(
      subject,
      { status: seated ? 'registered' : 'waitlisted', promoted: false },
      ctx,
    );
    // Lost a race with another RSVP of the same member: answer with what is there now.
    return toParticipantView(updated ?? (await this.store.participant(sessionId, memberId))!);
  }
}
