import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingAttendanceRecordedV1 } from '@sangathan/contracts';
import { ValidationError } from '@sangathan/kernel';
import type { OutboxEntry } from '@sangathan/messaging';
import {
  ORG_DIRECTORY,
  type KnownMember,
  type OrgDirectoryPort,
} from '../../../org-directory/application/ports/org-directory.port';
import { toParticipantView, type ParticipantView } from '../../application/participant.view';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import { verifyQrToken } from '../../application/qr-token';
import {
  assertOrganiser,
  participantFacts,
  sessionFacts,
  TrainingAccess,
} from '../../application/training-access';
import { iso, outboxEvent, type RequestContext } from '../../application/training.integration-events';
import { newParticipant } from '../../domain/new-participant';
import { assertCheckInOpen, decideCheckIn, participantIdOf } from '../../domain/participant.entity';
import type { SessionState } from '../../domain/training-state';

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
    private readonly access: TrainingAccess,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
  ) {}

  async execute(
    sessionId: string,
    input: { memberId?: string; qrToken?: string },
    principal: Principal,
    ctx: RequestContext,
  ): Promise<CheckInResult> {
    const session = await this.access.session(sessionId);
    assertOrganiser(principal, session);
    const now = new Date();
    assertCheckInOpen(sessionFacts(session), now);
    const method = input.qrToken ? 'qr' : 'list';
    const memberId = input.qrToken ? this.memberFromToken(sessionId, input.qrToken) : input.memberId!;
    const participantId = participantIdOf(sessionId, memberId);
    const attendance = (walkIn: boolean) =>
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
    const attended = { attendedAt: now, checkInMethod: method } as const;

    // The common case in one write: an invitee not yet checked in whose invitation is known published.
    const recorded = await this.participants.saveIfInvitationPublished(
      participantId,
      sessionId,
      { attended: false },
      attended,
      [attendance(false)],
    );
    if (recorded) return { participant: toParticipantView(recorded), alreadyCheckedIn: false };

    // Otherwise decide on the participant as stored: already checked in, invited (carrying the invitation along), or a walk-in.
    const participant = await this.participants.find(sessionId, memberId);
    const decision = decideCheckIn(sessionFacts(session), participantFacts(participant), now);
    if (decision === 'already')
      return { participant: toParticipantView(participant!), alreadyCheckedIn: true };
    if (decision === 'walk-in') return this.walkIn(session, memberId, method, now, attendance(true));
    const updated = await this.participants.save(participant!, { attended: false }, attended, [
      attendance(false),
    ]);
    if (!updated)
      return {
        participant: toParticipantView((await this.participants.find(sessionId, memberId))!),
        alreadyCheckedIn: true,
      };
    return { participant: toParticipantView(updated), alreadyCheckedIn: false };
  }

  /**
   * A walk-in is someone org knows, active, who lives in the session's area (a Lok Sabha seat
   * through its assembly seats): the same rule as for invitees, checked before anything is written.
   */
  private async walkInMember(session: SessionState, memberId: string): Promise<KnownMember> {
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
    session: SessionState,
    memberId: string,
    method: 'list' | 'qr',
    now: Date,
    event: OutboxEntry,
  ): Promise<CheckInResult> {
    const member = await this.walkInMember(session, memberId);
    const participant = newParticipant(
      session,
      { memberId, name: member.name, nameAlt: member.nameAlt, positionId: null, memberAreaId: member.areaId },
      { status: 'walk-in', at: now, checkInMethod: method },
    );
    if (!(await this.participants.insert(participant, [event])))
      return {
        participant: toParticipantView((await this.participants.find(session._id, memberId))!),
        alreadyCheckedIn: true,
      };
    return { participant: toParticipantView(participant), alreadyCheckedIn: false };
  }
}
