import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingParticipantDeclinedV1, TrainingParticipantRegisteredV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import { OutboxRelay, outboxUpdate } from '@sangathan/messaging';
import { assertRsvpOpen } from '../../domain/participant.entity';
import { SeatLedger } from '../../infrastructure/seat-ledger';
import type { ParticipantDocument, SessionDocument } from '../../infrastructure/training.schemas';
import { assertSelfOrOrganiser, sessionFacts, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { iso, outboxEvent, type RequestContext } from '../../training-integration-events';

/** Declining frees a held seat, which goes to the longest-waiting member on the waitlist. */
@Injectable()
export class DeclineHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(sessionId: string, memberId: string, principal: Principal, ctx: RequestContext): Promise<ParticipantView> {
    const session = await this.store.session(sessionId);
    assertSelfOrOrganiser(principal, session, memberId);
    const participant = await this.store.participant(sessionId, memberId);
    if (!participant || participant.walkIn) {
      throw new ConflictError('NOT_INVITED', `member ${memberId} is not invited to this session`, [{ field: 'memberId', message: 'not invited' }]);
    }
    if (participant.status === 'declined') return toParticipantView(participant);
    const now = new Date();
    assertRsvpOpen(sessionFacts(session), now);
    const previousStatus = participant.status as 'invited' | 'registered' | 'waitlisted';
    const event = outboxEvent(
      TrainingParticipantDeclinedV1,
      { programmeId: session.programmeId, sessionId, areaId: session.areaId, participantId: participant._id, memberId, previousStatus, declinedAt: iso(now) },
      participant._id,
      session,
      ctx,
      now,
    );
    const { $push, $set } = outboxUpdate([event]);
    const updated = await this.store.participants
      .findOneAndUpdate({ _id: participant._id, status: previousStatus }, { $set: { ...$set, status: 'declined', declinedAt: now }, $push }, { new: true })
      .lean<ParticipantDocument>()
      .exec();
    if (!updated) return toParticipantView((await this.store.participant(sessionId, memberId))!);
    this.outbox.notify();
    const ledger = new SeatLedger(this.store.sessions);
    if (await ledger.release(sessionId, memberId)) await this.promoteFromWaitlist(session, ledger, ctx);
    return toParticipantView(updated);
  }

  private async promoteFromWaitlist(session: SessionDocument, ledger: SeatLedger, ctx: RequestContext): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const next = await this.store.participants
        .findOne({ sessionId: session._id, status: 'waitlisted' }, { outbox: 0 })
        .sort({ waitlistedAt: 1, _id: 1 })
        .lean<ParticipantDocument>()
        .exec();
      if (!next) return;
      if (!(await ledger.claim(session._id, next.memberId, session.capacity))) return; // someone else took the seat
      const now = new Date();
      const event = outboxEvent(
        TrainingParticipantRegisteredV1,
        { programmeId: session.programmeId, sessionId: session._id, areaId: session.areaId, participantId: next._id, memberId: next.memberId, status: 'registered', promoted: true, registeredAt: iso(now) },
        next._id,
        session,
        ctx,
        now,
      );
      const { $push, $set } = outboxUpdate([event]);
      const promoted = await this.store.participants
        .updateOne({ _id: next._id, status: 'waitlisted' }, { $set: { ...$set, status: 'registered', registeredAt: now }, $push })
        .exec();
      if (promoted.modifiedCount > 0) {
        this.outbox.notify();
        return;
      }
      await ledger.release(session._id, next.memberId); // they declined meanwhile: try the next one
    }
  }
}
