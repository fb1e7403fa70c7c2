import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxRelay, outboxUpdate, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { InvitationBatchDocument, ParticipantDocument } from './training.schemas';

const PUBLISHED_BATCHES_REMEMBERED = 10_000;

/**
 * Appends a participant's own events (registered, declined, attendance, completion, feedback) to its
 * outbox and announces the document to the relay.
 *
 * Keeps one participant's events in order although its `invited` event travels on an invitation
 * batch: while that batch has not been published, the first own event is preceded by a copy of the
 * `invited` entry (same eventId), so the participant's document publishes invited → registered in
 * order; the batch's later copy is a duplicate consumers drop by eventId. The same write clears
 * `invitationBatchId`, so only a participant's first own event can cost the extra read, and a batch
 * seen empty is remembered (a batch is written once and only ever emptied), so during a session's
 * check-in rush the batches are read once each, not once per attendee.
 */
@Injectable()
export class ParticipantOutbox {
  /** Batches whose events are all published (bounded: forgetting one only costs a read). */
  private readonly publishedBatches = new Set<string>();

  constructor(
    @InjectModel(ParticipantDocument.name) private readonly participants: Model<ParticipantDocument>,
    @InjectModel(InvitationBatchDocument.name) private readonly batches: Model<InvitationBatchDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** The `$push`/`$set` parts of the participant update that carries `entries`; merge the state change into `$set`. */
  async append(
    participant: Pick<ParticipantDocument, '_id' | 'invitationBatchId'>,
    entries: OutboxEntry[],
  ): Promise<ReturnType<typeof outboxUpdate>> {
    const unpublished = participant.invitationBatchId
      ? await this.unpublishedInvitation(participant.invitationBatchId, participant._id)
      : [];
    const { $push, $set } = outboxUpdate([...unpublished, ...entries]);
    return { $push, $set: { ...$set, invitationBatchId: null } };
  }

  /**
   * For a write made without reading the participant first: the update carrying `entries`, and the
   * filter condition under which that update keeps the order (the participant has no invitation
   * batch, or one known to be published). If the condition fails, read the participant and use `append`.
   */
  appendIfInvitationPublished(
    sessionId: string,
    entries: OutboxEntry[],
  ): { update: ReturnType<typeof outboxUpdate>; inOrderIf: Record<string, unknown> } {
    const published = [...this.publishedBatches].filter((id) => id.startsWith(`${sessionId}#`));
    const { $push, $set } = outboxUpdate(entries);
    return {
      update: { $push, $set: { ...$set, invitationBatchId: null } },
      inOrderIf: { invitationBatchId: { $in: [null, ...published] } },
    };
  }

  /** Tells the relay the participant has new events (claimed by `_id`). */
  announce(participantId: string): void {
    this.relay.notify(this.participants.collection.collectionName, participantId);
  }

  private async unpublishedInvitation(batchId: string, participantId: string): Promise<OutboxEntry[]> {
    if (this.publishedBatches.has(batchId)) return [];
    const batch = await this.batches
      .findById(batchId, { outbox: 1 })
      .lean<Pick<InvitationBatchDocument, 'outbox'>>()
      .exec();
    if (batch && batch.outbox.length === 0) {
      if (this.publishedBatches.size >= PUBLISHED_BATCHES_REMEMBERED) this.publishedBatches.clear();
      this.publishedBatches.add(batchId);
    }
    return (batch?.outbox ?? []).filter((entry) => entry.key === participantId);
  }
}
