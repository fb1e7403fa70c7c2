import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingParticipantDeclinedV1, TrainingParticipantRegisteredV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import { iso, outboxEvent, type RequestContext } from '../training-integration-events';
import { ParticipantOutbox } from './participant-outbox';
import type { ParticipantDocument, SessionDocument } from './training.schemas';
import { assertSelfOrOrganiser, TrainingStore } from './training.store';

export type RsvpSubject = { session: SessionDocument; participant: ParticipantDocument };
type RegisteredAs = { status: 'registered' | 'waitlisted'; promoted: boolean };

/**
 * RSVP state changes of one invitation (register, waitlist, promotion off the waitlist, decline),
 * each one conditional single-document write of the participant with its event.
 */
@Injectable()
export class RsvpWriter {
  constructor(
    private readonly store: TrainingStore,
    private readonly events: ParticipantOutbox,
  ) {}

  /** The session and the member's invitation an RSVP acts on; the caller must be the member or an organiser. */
  async subject(sessionId: string, memberId: string, principal: Principal): Promise<RsvpSubject> {
    const session = await this.store.session(sessionId);
    assertSelfOrOrganiser(principal, session, memberId);
    const participant = await this.store.participant(sessionId, memberId);
    if (!participant || participant.walkIn) {
      throw new ConflictError('NOT_INVITED', `member ${memberId} is not invited to this session`, [
        { field: 'memberId', message: 'not invited' },
      ]);
    }
    return { session, participant };
  }

  /** Moves the participant from its current status to registered/waitlisted; null if its status changed meanwhile. */
  async register(
    { session, participant }: RsvpSubject,
    as: RegisteredAs,
    ctx: RequestContext,
  ): Promise<ParticipantDocument | null> {
    const now = new Date();
    const event = outboxEvent(
      TrainingParticipantRegisteredV1,
      { ...this.ref(session, participant), status: as.status, promoted: as.promoted, registeredAt: iso(now) },
      participant._id,
      session,
      ctx,
      now,
    );
    const since = as.status === 'registered' ? { registeredAt: now } : { waitlistedAt: now };
    return this.write(participant, [event], { status: as.status, ...since });
  }

  /** Moves the participant from its current status to declined; null if its status changed meanwhile. */
  async decline(
    { session, participant }: RsvpSubject,
    ctx: RequestContext,
  ): Promise<ParticipantDocument | null> {
    const now = new Date();
    const previousStatus = participant.status as 'invited' | 'registered' | 'waitlisted';
    const event = outboxEvent(
      TrainingParticipantDeclinedV1,
      { ...this.ref(session, participant), previousStatus, declinedAt: iso(now) },
      participant._id,
      session,
      ctx,
      now,
    );
    return this.write(participant, [event], { status: 'declined', declinedAt: now });
  }

  private ref(session: SessionDocument, participant: ParticipantDocument) {
    return {
      programmeId: session.programmeId,
      sessionId: session._id,
      areaId: session.areaId,
      participantId: participant._id,
      memberId: participant.memberId,
    };
  }

  private async write(
    participant: ParticipantDocument,
    entries: Parameters<ParticipantOutbox['append']>[1],
    change: Record<string, unknown>,
  ): Promise<ParticipantDocument | null> {
    const { $push, $set } = await this.events.append(participant, entries);
    const updated = await this.store.participants
      .findOneAndUpdate(
        { _id: participant._id, status: participant.status },
        { $set: { ...$set, ...change }, $push },
        { new: true },
      )
      .lean<ParticipantDocument>()
      .exec();
    if (updated) this.events.announce(participant._id);
    return updated;
  }
}
