import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TrainingParticipantInvitedV1 } from '@sangathan/contracts';
import { OutboxRelay, outboxFieldsForInsert } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { iso, outboxEvent, type RequestContext } from '../training-integration-events';
import { newParticipantRecord, type ParticipantPerson } from './participant-record';
import {
  InvitationBatchDocument,
  ParticipantDocument,
  ProgrammeDocument,
  SessionDocument,
} from './training.schemas';
import { insertIgnoringDuplicates } from '@sangathan/persistence';

/** An audience member to invite: who, and the position that matched the audience rule. */
export type Invitee = ParticipantPerson & { positionId: string; memberAreaId: string };

type InvitedSession = Pick<SessionDocument, '_id' | 'programmeId' | 'areaId' | 'ancestors' | 'startsAt'>;

/**
 * Writes invitations in bulk: the participants with one `insertMany`, then their `invited` events
 * on ONE outbox document (an invitation batch) instead of one outbox per participant, so the relay
 * claims, publishes and acknowledges a whole chunk in a few single-document operations. The
 * session's and programme's `invitedCount` grow by the participants actually added.
 *
 * Idempotent for a given `batchId`: participants that exist are not re-added, an existing batch
 * is not rewritten, and a batch carries the events of exactly the participants that point to it
 * (those added now, plus those a crashed earlier attempt added before it could write the batch).
 * Per-participant event order is kept by ParticipantOutbox.
 */
@Injectable()
export class InvitationWriter {
  constructor(
    @InjectModel(ParticipantDocument.name) private readonly participants: Model<ParticipantDocument>,
    @InjectModel(InvitationBatchDocument.name) private readonly batches: Model<InvitationBatchDocument>,
    @InjectModel(SessionDocument.name) private readonly sessions: Model<SessionDocument>,
    @InjectModel(ProgrammeDocument.name) private readonly programmes: Model<ProgrammeDocument>,
    private readonly relay: OutboxRelay,
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
    // The participants' own outboxes start empty: their invited events go on the batch.
    const records = invitees.map((person) => ({
      ...newParticipantRecord(session, person, { status: 'invited', at: now, invitationBatchId: batchId }),
      ...outboxFieldsForInsert([]),
    }));
    const { duplicates } = await insertIgnoringDuplicates(this.participants.collection, records);
    const existing = new Set(duplicates.map((i) => records[i]._id));
    // Participants an interrupted earlier attempt added for this batch still need their events.
    const ours = existing.size === 0 ? new Set<string>() : await this.pointingTo(batchId, [...existing]);
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
      const batch = {
        _id: batchId,
        sessionId: session._id,
        programmeId: session.programmeId,
        eventCount: events.length,
        createdAt: now,
        ...outboxFieldsForInsert(events),
      };
      const { duplicates: batchExisted } = await insertIgnoringDuplicates(this.batches.collection, [batch]);
      if (batchExisted.length === 0) this.relay.notify(this.batches.collection.collectionName, batchId);
    }
    const added = records.length - existing.size;
    if (added > 0) {
      await this.sessions.updateOne({ _id: session._id }, { $inc: { invitedCount: added } }).exec();
      await this.programmes.updateOne({ _id: session.programmeId }, { $inc: { invitedCount: added } }).exec();
    }
    return added;
  }

  private async pointingTo(batchId: string, participantIds: string[]): Promise<Set<string>> {
    const docs = await this.participants
      .find({ _id: { $in: participantIds }, invitationBatchId: batchId }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return new Set(docs.map((d) => d._id));
  }
}
