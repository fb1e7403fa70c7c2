import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingParticipantRegisteredV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import { OutboxRelay, outboxUpdate } from '@sangathan/messaging';
import { assertRsvpOpen } from '../../domain/participant.entity';
import { SeatLedger } from '../../infrastructure/seat-ledger';
import type { ParticipantDocument } from '../../infrastructure/training.schemas';
import { assertSelfOrOrganiser, sessionFacts, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { iso, outboxEvent, type RequestContext } from '../../training-integration-events';

/**
 * Registration: a seat if one is free, otherwise the waitlist (never an error). The seat is claimed
 * on the session document first, then the participant's status and event are written; a retry
 * after a crash in between finds the seat already held and completes the registration.
 */
@Injectable()
export class RegisterHandler {
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
    if (participant.status === 'registered' || participant.status === 'waitlisted') return toParticipantView(participant);
    const now = new Date();
    assertRsvpOpen(sessionFacts(session), now);
    const seated = await new SeatLedger(this.store.sessions).claim(sessionId, memberId, session.capacity);
    const status = seated ? 'registered' : 'waitlisted';
    const event = outboxEvent(
      TrainingParticipantRegisteredV1,
      { programmeId: session.programmeId, sessionId, areaId: session.areaId, participantId: participant._id, memberId, status, promoted: false, registeredAt: iso(now) },
      participant._id,
      session,
      ctx,
      now,
    );
    const { $push, $set } = outboxUpdate([event]);
    const updated = await this.store.participants
      .findOneAndUpdate(
        { _id: participant._id, status: participant.status },
        { $set: { ...$set, status, ...(seated ? { registeredAt: now } : { waitlistedAt: now }) }, $push },
        { new: true },
      )
      .lean<ParticipantDocument>()
      .exec();
    this.outbox.notify();
    // Lost a race with another RSVP of the same member: answer with what is there now.
    return toParticipantView(updated ?? (await this.store.participant(sessionId, memberId))!);
  }
}
