import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingAttendanceRecordedV1 } from '@sangathan/contracts';
import { ValidationError } from '@sangathan/kernel';
import { outboxFieldsForInsert } from '@sangathan/messaging';
import { DirectoryReader, type KnownMember } from '../../../directory/infrastructure/directory.reader';
import { assertCheckInOpen, decideCheckIn, participantIdOf } from '../../domain/participant.entity';
import { newParticipantRecord } from '../../infrastructure/participant-record';
import { ParticipantOutbox } from '../../infrastructure/participant-outbox';
import { verifyQrToken } from '../../infrastructure/qr-token';
import type { ParticipantDocument, SessionDocument } from '../../infrastructure/training.schemas';
import {
  assertOrganiser,
  participantFacts,
  sessionFacts,
  TrainingStore,
} from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { iso, outboxEvent, type RequestContext } from '../../training-integration-events';

export type CheckInResult = { participant: ParticipantView; alreadyCheckedIn: boolean };

/**
 * Check-in from the organiser's list or a QR scan: one conditional single-document write per
 * attendee (attendance + event), so a double scan is answered "already checked in" with no second
 * event. Uninvited members become walk-ins where the session allows it.
 *
 * Every step is an `_id` operation, so a check-in costs the same in a session of 50 as in one of
 * 5,000: usually two (the session, then the attendance write guarded by "not yet checked in and
 * invitation known published"); when that guard fails, the participant read, at most one
 * invitation-batch read and the write again.
 */
@Injectable()
export class CheckInHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly directory: DirectoryReader,
    private readonly events: ParticipantOutbox,
  ) {}

  async execute(
    sessionId: string,
    input: { memberId?: string; qrToken?: string },
    principal: Principal,
    ctx: RequestContext,
  ): Promise<CheckInResult> {
    const session = await this.store.session(sessionId);
    assertOrganiser(principal, session);
    const now = new Date();
    assertCheckInOpen(sessionFacts(session), now);
    const method = input.qrToken ? 'qr' : 'list';
    const memberId = input.qrToken ? this.memberFromToken(sessionId, input.qrToken) : input.memberId!;
    const participantId = participantIdOf(sessionId, memberId);
    const attendance = (walkIn: boolean, now: Date) =>
      outboxEvent(
        TrainingAttendanceRecordedV1,
        {
          programmeId: session.programmeId,
          sessionId,
          areaId: session.areaId,
          participantId,
          memberId,
          method,
          walkIn,
          sessionTarget: session.target,
          checkedInAt: iso(now),
        },
        participantId,
        session,
        ctx,
        now,
      );

    // The common case in one write: an invitee not yet checked in whose invitation is known published.
    const { update, inOrderIf } = this.events.appendIfInvitationPublished(sessionId, [
      attendance(false, now),
    ]);
    const recorded = await this.recordAttendance(
      { _id: participantId, attendedAt: null, ...inOrderIf },
      update,
      now,
      method,
    );
    if (recorded) return { participant: recorded, alreadyCheckedIn: false };

    // Otherwise decide on the participant as stored: already checked in, invited (carrying the invitation along), or a walk-in.
    const participant = await this.store.participant(sessionId, memberId);
    const decision = decideCheckIn(sessionFacts(session), participantFacts(participant), now);
    if (decision === 'already')
      return { participant: toParticipantView(participant!), alreadyCheckedIn: true };
    if (decision === 'walk-in') return this.walkIn(session, memberId, method, now, attendance(true, now));
    const appended = await this.events.append(participant!, [attendance(false, now)]);
    const updated = await this.recordAttendance(
      { _id: participantId, attendedAt: null },
      appended,
      now,
      method,
    );
    if (!updated)
      return {
        participant: toParticipantView((await this.store.participant(sessionId, memberId))!),
        alreadyCheckedIn: true,
      };
    return { participant: updated, alreadyCheckedIn: false };
  }

  /** The conditional attendance write; announces the event when it applied. */
  private async recordAttendance(
    filter: Record<string, unknown>,
    { $push, $set }: Awaited<ReturnType<ParticipantOutbox['append']>>,
    now: Date,
    method: 'list' | 'qr',
  ): Promise<ParticipantView | null> {
    const updated = await this.store.participants
      .findOneAndUpdate(
        filter,
        { $set: { ...$set, attendedAt: now, checkInMethod: method }, $push },
        { new: true },
      )
      .lean<ParticipantDocument>()
      .exec();
    if (!updated) return null;
    this.events.announce(updated._id);
    return toParticipantView(updated);
  }

  /**
   * A walk-in is someone org knows, active, who lives in the session's area (a Lok Sabha seat
   * through its assembly seats): the same rule as for invitees, checked before anything is written.
   */
  private async walkInMember(session: SessionDocument, memberId: string): Promise<KnownMember> {
    const member = await this.directory.findMember(memberId);
    if (!member)
      throw new ValidationError('UNKNOWN_MEMBER', `member ${memberId} is not known`, [
        { field: 'memberId', message: 'unknown member' },
      ]);
    if (member.status !== 'active') {
      throw new ValidationError('MEMBER_NOT_ACTIVE', `member ${memberId} is ${member.status}`, [
        { field: 'memberId', message: member.status },
      ]);
    }
    if (!(await this.directory.livesIn(member, session.areaId))) {
      throw new ValidationError(
        'MEMBER_OUTSIDE_SESSION_AREA',
        `member ${memberId} lives in ${member.areaId}, outside ${session.areaId}`,
        [{ field: 'memberId', message: `outside ${session.areaId}` }],
      );
    }
    return member;
  }

  private memberFromToken(sessionId: string, token: string): string {
    const participantId = verifyQrToken(token);
    const [tokenSession, memberId] = participantId.split('~');
    if (tokenSession !== sessionId || !memberId) {
      throw new ValidationError('QR_FOR_OTHER_SESSION', 'this QR code belongs to another session', [
        { field: 'qrToken', message: 'other session' },
      ]);
    }
    return memberId;
  }

  private async walkIn(
    session: SessionDocument,
    memberId: string,
    method: 'list' | 'qr',
    now: Date,
    event: ReturnType<typeof outboxEvent>,
  ): Promise<CheckInResult> {
    const member = await this.walkInMember(session, memberId);
    const person = {
      memberId,
      name: member.name,
      nameAlt: member.nameAlt,
      positionId: null,
      memberAreaId: member.areaId,
    };
    const record = newParticipantRecord(session, person, {
      status: 'walk-in',
      at: now,
      checkInMethod: method,
    });
    try {
      await this.store.participants.collection.insertOne({
        ...record,
        ...outboxFieldsForInsert([event]),
      } as never);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return {
        participant: toParticipantView((await this.store.participant(session._id, memberId))!),
        alreadyCheckedIn: true,
      };
    }
    this.events.announce(record._id);
    return {
      participant: toParticipantView(record as unknown as ParticipantDocument),
      alreadyCheckedIn: false,
    };
  }
}
