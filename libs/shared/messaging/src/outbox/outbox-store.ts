import type { mongo } from 'mongoose';
import { OUTBOX_FIELDS, type OutboxEntry } from './outbox-entry';

/** Aggregates with an outbox use string ids (codes or UUIDv7s). */
export type OutboxDocument = mongo.Document & { _id: string; outbox: OutboxEntry[]; outboxAttempts?: number };

/**
 * The outbox relay's database operations on one collection of aggregates: claiming due documents under a lease,
 * reading announced ones, acknowledging what was published, ending leases, postponing rejected events and parking
 * poison ones in `outbox_dead_letters`. Every operation is a single-document or per-document write: no transaction.
 */
export class OutboxStore {
  constructor(
    private readonly db: mongo.Db,
    readonly collection: mongo.Collection<OutboxDocument>,
    private readonly relayId: string,
    private readonly leaseMs: number,
    private readonly batchSize: number,
  ) {}

  get name(): string {
    return this.collection.collectionName;
  }

  /** Claims due documents by pushing their due time past the lease; other replicas skip them. */
  async claimDue(): Promise<OutboxDocument[]> {
    const now = new Date();
    const candidates = await this.collection
      .find({ [OUTBOX_FIELDS.due]: { $lte: now } }, { projection: { _id: 1 } })
      .sort({ [OUTBOX_FIELDS.due]: 1 })
      .limit(this.batchSize)
      .toArray();
    if (candidates.length === 0) return [];
    return this.claimByIds(
      candidates.map((c) => c._id),
      now,
    );
  }

  /** Claims those of the given documents that are due (not leased by another relay, not already relayed). */
  private async claimByIds(ids: string[], now: Date): Promise<OutboxDocument[]> {
    await this.collection.updateMany(
      { _id: { $in: ids }, [OUTBOX_FIELDS.due]: { $lte: now } },
      {
        $set: { [OUTBOX_FIELDS.due]: new Date(now.getTime() + this.leaseMs), outboxClaimedBy: this.relayId },
      },
    );
    return this.collection
      .find(
        { _id: { $in: ids }, outboxClaimedBy: this.relayId },
        { projection: { [OUTBOX_FIELDS.outbox]: 1, [OUTBOX_FIELDS.attempts]: 1 } },
      )
      .toArray();
  }

  /**
   * Reads the announced documents that are due, without claiming them: a claim is one more write of each
   * aggregate, and these were written by this process a moment ago.
   * A document leased by another replica's sweep is not due, so it is skipped; the only race left (that sweep
   * claiming between this read and the publish) publishes the events twice, which consumers absorb by eventId.
   */
  async readDueByIds(ids: string[]): Promise<OutboxDocument[]> {
    return this.collection
      .find(
        { _id: { $in: ids }, [OUTBOX_FIELDS.due]: { $lte: new Date() } },
        { projection: { [OUTBOX_FIELDS.outbox]: 1, [OUTBOX_FIELDS.attempts]: 1 } },
      )
      .toArray();
  }

  /**
   * Removes the published events. Usually one command: a document whose outbox is still exactly what was
   * published (whole-array equality, entry by entry and field by field) gets an empty outbox and loses its due
   * time, attempts and claim. Documents that no longer match (events appended meanwhile, or another relay
   * acknowledged first) take the idempotent path: pull the published events by id, then make documents that
   * still hold events due again.
   */
  async acknowledge(docs: OutboxDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const update = {
      $set: { [OUTBOX_FIELDS.outbox]: [] },
      $unset: { [OUTBOX_FIELDS.attempts]: '', [OUTBOX_FIELDS.due]: '', outboxClaimedBy: '' },
    };
    const matched =
      docs.length === 1
        ? (
            await this.collection.updateOne(
              { _id: docs[0]._id, [OUTBOX_FIELDS.outbox]: docs[0].outbox } as never,
              update,
            )
          ).matchedCount
        : (
            await this.collection.bulkWrite(
              docs.map((doc) => ({
                updateOne: { filter: { _id: doc._id, [OUTBOX_FIELDS.outbox]: doc.outbox }, update },
              })) as never,
              { ordered: false },
            )
          ).matchedCount;
    if (matched < docs.length) await this.pullPublished(docs);
  }

  /** Pulls the published events by id; a document that received new events meanwhile stays due. Idempotent. */
  private async pullPublished(docs: OutboxDocument[]): Promise<void> {
    await this.collection.bulkWrite(
      docs.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: {
            $pull: { [OUTBOX_FIELDS.outbox]: { eventId: { $in: doc.outbox.map((entry) => entry.eventId) } } },
            $unset: { [OUTBOX_FIELDS.attempts]: '', [OUTBOX_FIELDS.due]: '', outboxClaimedBy: '' },
          },
        },
      })) as never,
      { ordered: false },
    );
    // A document that received new events while we published is due again (its own write set the
    // due time, which the update above may have just removed).
    await this.collection.updateMany(
      {
        _id: { $in: docs.map((d) => d._id) },
        [`${OUTBOX_FIELDS.outbox}.0`]: { $exists: true },
        [OUTBOX_FIELDS.due]: { $exists: false },
      },
      { $set: { [OUTBOX_FIELDS.due]: new Date() } },
    );
  }

  /** Ends the lease: empty outboxes lose their due time, non-empty ones are due again now. */
  async release(docs: OutboxDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const ids = docs.map((d) => d._id);
    await this.collection.updateMany(
      { _id: { $in: ids }, outboxClaimedBy: this.relayId, [OUTBOX_FIELDS.outbox]: { $size: 0 } },
      { $unset: { [OUTBOX_FIELDS.due]: '', outboxClaimedBy: '' } },
    );
    await this.collection.updateMany(
      { _id: { $in: ids }, outboxClaimedBy: this.relayId },
      { $set: { [OUTBOX_FIELDS.due]: new Date() }, $unset: { outboxClaimedBy: '' } },
    );
  }

  /** Clears the due time of documents whose outbox is already empty (a hint for events relayed meanwhile). */
  async clearDue(docs: OutboxDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.collection.updateMany(
      { _id: { $in: docs.map((d) => d._id) }, [OUTBOX_FIELDS.outbox]: { $size: 0 } },
      { $unset: { [OUTBOX_FIELDS.due]: '' } },
    );
  }

  /** Counts a broker rejection and makes the document due again after `delayMs`. */
  async postpone(doc: OutboxDocument, attempts: number, delayMs: number): Promise<void> {
    await this.collection.updateOne(
      { _id: doc._id },
      {
        $set: { [OUTBOX_FIELDS.attempts]: attempts, [OUTBOX_FIELDS.due]: new Date(Date.now() + delayMs) },
        $unset: { outboxClaimedBy: '' },
      },
    );
  }

  /** Parks the events with the reason (nothing is dropped) and unblocks the aggregate. */
  async deadLetter(doc: OutboxDocument, error: Error, attempts: number): Promise<void> {
    await this.db.collection('outbox_dead_letters').insertOne({
      sourceCollection: this.name,
      documentId: doc._id,
      events: doc.outbox,
      error: error.message,
      attempts,
      deadAt: new Date(),
    });
    await this.acknowledge([doc]);
  }
}
