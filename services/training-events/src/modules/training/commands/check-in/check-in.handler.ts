import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingAttendanceRecordedV1 } from '@sangathan/contracts';
import { ValidationError } from '@sangathan/kernel';
import { OutboxRelay, outboxFieldsForInsert, outboxUpdate } from '@sangathan/messaging';
import { DirectoryReader } from '../../../directory/infrastructure/directory.reader';
import { decideCheckIn, participantIdOf } from '../../domain/participant.entity';
import { verifyQrToken } from '../../infrastructure/qr-token';
import type { ParticipantDocument, SessionDocument } from '../../infrastructure/training.schemas';
import { assertOrganiser, participantFacts, sessionFacts, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { iso, outboxEvent, type RequestContext } from '../../training-integration-events';

export type CheckInResult = { participant: ParticipantView; alreadyCheckedIn: boolean };

/**
 * Check-in from the organiser's list or a QR scan: one conditional single-document write per
 * attendee (attendance + event), so a double scan is answered "already checked in" with no second
 * event. Uninvited members become walk-ins where the session allows it.
 */
@Injectable()
export class CheckInHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly directory: DirectoryReader,
    private readonly outbox: OutboxRelay,
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
      const { $push, $set } = outboxUpdate([event]);
      const updated = await this.store.participants
        .findOneAndUpdate({ _id: participantId, attendedAt: null }, { $set: { ...$set, attendedAt: now, checkInMethod: method }, $push }, { new: true })
        .lean<ParticipantDocument>()
        .exec();
      if (!updated) return { participant: toParticipantView((await this.store.participant(sessionId, memberId))!), alreadyCheckedIn: true };
      this.outbox.notify();
      return { participant: toParticipantView(updated), alreadyCheckedIn: false };
    }
    return this.walkIn(session, memberId, now, event);
  }

  private memberFromToken(sessionId: string, token: string): string {
    const participantId = verifyQrToken(token);
    const [tokenSession, memberId] = participantId.split('~');
    if (tokenSession !== sessionId || !memberId) {
      throw new ValidationError('QR_FOR_OTHER_SESSION', 'this QR code belongs to another session', [{ field: 'qrToken', message: 'other session' }]);
    }
    return memberId;
  }

  private async walkIn(session: SessionDocument, memberId: string, now: Date, event: ReturnType<typeof outboxEvent>): Promise<CheckInResult> {
    const member = await this.directory.findMember(memberId);
    const doc = {
      _id: participantIdOf(session._id, memberId),
      sessionId: session._id,
      programmeId: session.programmeId,
      areaId: session.areaId,
      ancestors: session.ancestors,
      memberId,
      name: member?.name ?? memberId,
      nameAlt: member?.nameAlt ?? null,
      positionId: null,
      memberAreaId: member?.areaId ?? null,
      status: 'walk-in',
      walkIn: true,
      invitedAt: null,
      registeredAt: null,
      waitlistedAt: null,
      declinedAt: null,
      attendedAt: now,
      checkInMethod: 'list',
      completedAt: null,
      score: null,
      rating: null,
      comment: null,
      feedbackAt: null,
      ...outboxFieldsForInsert([event]),
    };
    try {
      await this.store.participants.collection.insertOne(doc as never);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return { participant: toParticipantView((await this.store.participant(session._id, memberId))!), alreadyCheckedIn: true };
    }
    this.outbox.notify();
    const { outbox: _outbox, outboxDueAt: _due, ...view } = doc as typeof doc & { outbox: unknown; outboxDueAt?: unknown };
    return { participant: toParticipantView(view as unknown as ParticipantDocument), alreadyCheckedIn: false };
  }
}
