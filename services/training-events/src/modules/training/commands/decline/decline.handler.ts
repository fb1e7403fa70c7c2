import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { assertRsvpOpen } from '../../domain/participant.entity';
import { RsvpWriter } from '../../infrastructure/rsvp-writer';
import { SeatLedger } from '../../infrastructure/seat-ledger';
import type { ParticipantDocument, SessionDocument } from '../../infrastructure/training.schemas';
import { sessionFacts, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import type { RequestContext } from '../../training-integration-events';

/** Declining frees a held seat, which goes to the longest-waiting member on the waitlist. */
@Injectable()
export class DeclineHandler {
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
    if (subject.participant.status === 'declined') return toParticipantView(subject.participant);
    assertRsvpOpen(sessionFacts(subject.session), new Date());
    const updated = await this.rsvp.decline(subject, ctx);
    if (!updated) return toParticipantView((await this.store.participant(sessionId, memberId))!);
    const ledger = new SeatLedger(this.store.sessions);
    if (await ledger.release(sessionId, memberId))
      await this.promoteFromWaitlist(subject.session, ledger, ctx);
    return toParticipantView(updated);
  }

  private async promoteFromWaitlist(
    session: SessionDocument,
    ledger: SeatLedger,
    ctx: RequestContext,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const next = await this.store.participants
        .findOne({ sessionId: session._id, status: 'waitlisted' }, { outbox: 0 })
        .sort({ waitlistedAt: 1, _id: 1 })
        .lean<ParticipantDocument>()
        .exec();
      if (!next) return;
      if (!(await ledger.claim(session._id, next.memberId, session.capacity))) return; // someone else took the seat
      if (
        await this.rsvp.register(
          { session, participant: next },
          { status: 'registered', promoted: true },
          ctx,
        )
      )
        return;
      await ledger.release(session._id, next.memberId); // they declined meanwhile: try the next one
    }
  }
}
