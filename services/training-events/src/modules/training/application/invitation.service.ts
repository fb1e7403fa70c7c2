import { Inject, Injectable } from '@nestjs/common';
import { TrainingParticipantInvitedV1 } from '@sangathan/contracts';
import { newParticipant, type ParticipantPerson } from '../domain/new-participant';
import type { SessionState } from '../domain/training-state';
import {
  INVITATION_BATCH_REPOSITORY,
  type InvitationBatchRepositoryPort,
} from './ports/invitation-batch-repository.port';
import { PARTICIPANT_REPOSITORY, type ParticipantRepositoryPort } from './ports/participant-repository.port';
import { PROGRAMME_REPOSITORY, type ProgrammeRepositoryPort } from './ports/programme-repository.port';
import { SESSION_REPOSITORY, type SessionRepositoryPort } from './ports/session-repository.port';
import { iso, outboxEvent, type RequestContext } from './training.integration-events';

/** An audience member to invite: who, and the position that matched the audience rule. */
export type Invitee = ParticipantPerson & { positionId: string; memberAreaId: string };

type InvitedSession = Pick<SessionState, '_id' | 'programmeId' | 'areaId' | 'ancestors' | 'startsAt'>;

/**
 * Writes invitations in bulk: the participants in one insert, then their `invited` events on ONE
 * outbox document (an invitation batch) instead of one outbox per participant, so the relay claims,
 * publishes and acknowledges a whole chunk in a few single-document operations. The session's and
 * programme's `invitedCount` grow by the participants actually added.
 *
 * Idempotent for a given `batchId`: participants that exist are not re-added, an existing batch
 * is not rewritten, and a batch carries the events of exactly the participants that point to it
 * (those added now, plus those a crashed earlier attempt added before it could write the batch).
 * Per-participant event order is kept by the participant repository.
 */
@Injectable()
export class InvitationService {
  constructor(
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
    @Inject(INVITATION_BATCH_REPOSITORY) private readonly batches: InvitationBatchRepositoryPort,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
    @Inject(PROGRAMME_REPOSITORY) private readonly programmes: ProgrammeRepositoryPort,
  ) {}

  /** Invites `invitees` (at most a few hundred) to `session`; answers how many participants were added. */
  async invite(
    session: InvitedSession,
    invitees: readonly Invitee[],
    batchId: string,
    ctx: RequestContext,
  ): Promise<number> {
    if (invitees.length === 0) return 0;
    const now = new Date();
    const records = invitees.map((person) =>
      newParticipant(session, person, { status: 'invited', at: now, invitationBatchId: batchId }),
    );
    const existing = new Set(await this.participants.insertInvited(records));
    // Participants an interrupted earlier attempt added for this batch still need their events.
    const ours = await this.participants.pointingToBatch(batchId, [...existing]);
    const events = invitees
      .map((person, i) => ({ person, record: records[i] }))
      .filter(({ record }) => !existing.has(record._id) || ours.has(record._id))
      .map(({ person, record }) =>
        outboxEvent(
          TrainingParticipantInvitedV1,
          {
            programmeId: session.programmeId,
            sessionId: session._id,
            areaId: session.areaId,
            participantId: record._id,
            memberId: person.memberId,
            positionId: person.positionId,
            memberAreaId: person.memberAreaId,
            startsAt: iso(session.startsAt),
            invitedAt: iso(now),
          },
          record._id,
          { areaId: session.areaId, ancestors: session.ancestors },
          ctx,
          now,
        ),
      );
    if (events.length > 0) {
      await this.batches.insert(
        {
          _id: batchId,
          sessionId: session._id,
          programmeId: session.programmeId,
          eventCount: events.length,
          createdAt: now,
        },
        events,
      );
    }
    const added = records.length - existing.size;
    if (added > 0) {
      await this.sessions.addInvited(session._id, added);
      await this.programmes.addInvited(session.programmeId, added);
    }
    return added;
  }
}
