import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingAttendanceRecordedV1 } from '@sangathan/contracts';
import { ValidationError } from '@sangathan/kernel';
import { outboxFieldsForInsert } from '@sangathan/messaging';
import { DirectoryReader } from '../../../directory/infrastructure/directory.reader';
import { decideCheckIn, participantIdOf } from '../../domain/participant.entity';
import { newParticipantRecord } from '../../infrastructure/participant-record';
import { ParticipantOutbox } from '../../infrastructure/participant-outbox';
import { verifyQrToken } from '../../infrastructure/qr-token';
import type { ParticipantDocument, SessionDocument } from '../../infrastructure/training.schemas';
import { assertOrganiser, participantFacts, sessionFacts, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { iso, outboxEvent, type RequestContext } from '../../training-integration-events';

export type CheckInResult = { participant: ParticipantView; alreadyCheckedIn: boolean };

/**
 * Check-in from the organiser's list or a QR scan: one conditional single-document write per
 * attendee (attendance + event), so a double scan is answered "already checked in" with no second
 * event. Uninvited members become walk-ins where the session allows it. Every step is an `_id`
 * operation (session, participant, at most one invitation batch, the write, the relay's claim),
 * so a check-in costs the same in a session of 50 as in one of 5,000.
 */
@Injectable()
export class CheckInHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly directory: DirectoryReader,
    private readonly events: ParticipantOutbox,
  ) {}

  async execute(sessionId: string, input: { memberId?: string; qrToken?: string }, principal: Principal, ctx: RequestContext): Promise<CheckInResult> {
    const session = await this.store.session(sessionId);
    assertOrganiser(principal, session);
    const method = input.qrToken ? 'qr' : 'list';
    const memberId = input.qrToken ? this.memberFromToken(sessionId, input.qrToken) : input.memberId!;
    const participant = await this.store.participant(sessionId, memberId);
    const decision = decideCheckIn(sessionFacts(session), participantFacts(participant));
    if (decision === 'already') return { participant: toParticipantView(participant!), alreadyCheckedIn: true };
    const now = new Date();
    const participantId = participantIdOf(sessionId, memberId);
    const event = outboxEvent(
      TrainingAttendanceRecordedV1,
      { programmeId: session.programmeId, sessionId, areaId: session.areaId, participantId, memberId, method, walkIn: decision === 'walk-in', sessionTarget: session.target, checkedInAt: iso(now) },
      participantId,
      session,
      ctx,
      now,
    );
    if (decision === 'invited') {
      const { $push, $set } = await this.events.append(participant!, [event]);
      const updated = await this.store.participants
        .findOneAndUpdate({ _id: participantId, attendedAt: null }, { $set: { ...$set, attendedAt: now, checkInMethod: method }, $push }, { new: true })
        .lean<ParticipantDocument>()
        .exec();
      if (!updated) return { participant: toParticipantView((await this.store.participant(sessionId, memberId))!), alreadyCheckedIn: true };
      this.events.announce(participantId);
      return { participant: toParticipantView(updated), alreadyCheckedIn: false };
    }
    return this.walkIn(session, memberId, method, now, event);
  }

  private memberFromToken(sessionId: string, token: string): string {
    const participantId = verifyQrToken(token);
    const [tokenSession, memberId] = participantId.split('~');
    if (tokenSession !== sessionId || !memberId) {
      throw new ValidationError('QR_FOR_OTHER_SESSION', 'this QR code belongs to another session', [{ field: 'qrToken', message: 'other session' }]);
    }
    return memberId;
  }

  private async walkIn(session: SessionDocument, memberId: string, method: 'list' | 'qr', now: Date, event: ReturnType<typeof outboxEvent>): Promise<CheckInResult> {
    const member = await this.directory.findMember(memberId);
    const person = { memberId, name: member?.name ?? memberId, nameAlt: member?.nameAlt ?? null, positionId: null, memberAreaId: member?.areaId ?? null };
    const record = newParticipantRecord(session, person, { status: 'walk-in', at: now, checkInMethod: method });
    try {
      await this.store.participants.collection.insertOne({ ...record, ...outboxFieldsForInsert([event]) } as never);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return { participant: toParticipantView((await this.store.participant(session._id, memberId))!), alreadyCheckedIn: true };
    }
    this.events.announce(record._id);
    return { participant: toParticipantView(record as unknown as ParticipantDocument), alreadyCheckedIn: false };
  }
}
