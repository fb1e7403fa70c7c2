import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxRelay, outboxUpdate, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { InvitationBatchDocument, ParticipantDocument } from './training.schemas';

/**
 * Appends a participant's own events (registered, declined, attendance, completion, feedback) to its
 * outbox and announces the document to the relay.
 *
 * Keeps one participant's events in order although its `invited` event travels on an invitation
 * batch: while that batch has not been published, the first own event is preceded by a copy of the
 * `invited` entry (same eventId), so the participant's document publishes invited → registered in
 * order; the batch's later copy is a duplicate consumers drop by eventId. The same write clears
 * `invitationBatchId`, so only a participant's first own event costs the extra read.
 */
@Injectable()
export class ParticipantOutbox {
  constructor(
    @InjectModel(ParticipantDocument.name) private readonly participants: Model<ParticipantDocument>,
    @InjectModel(InvitationBatchDocument.name) private readonly batches: Model<InvitationBatchDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** The `$push`/`$set` parts of the participant update that carries `entries`; merge the state change into `$set`. */
  async append(participant: Pick<ParticipantDocument, '_id' | 'invitationBatchId'>, entries: OutboxEntry[]): Promise<ReturnType<typeof outboxUpdate>> {
    const unpublished = participant.invitationBatchId ? await this.unpublishedInvitation(participant.invitationBatchId, participant._id) : [];
    const { $push, $set } = outboxUpdate([...unpublished, ...entries]);
    return { $push, $set: { ...$set, invitationBatchId: null } };
  }

  /** Tells the relay the participant has new events (claimed by `_id`). */
  announce(participantId: string): void {
    this.relay.notify(this.participants.collection.collectionName, participantId);
  }

  private async unpublishedInvitation(batchId: string, participantId: string): Promise<OutboxEntry[]> {
    const batch = await this.batches.findById(batchId, { outbox: 1 }).lean<Pick<InvitationBatchDocument, 'outbox'>>().exec();
    return (batch?.outbox ?? []).filter((entry) => entry.key === participantId);
  }
}
