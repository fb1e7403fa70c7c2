import { Injectable } from '@nestjs/common';
import type { AnyBulkWriteOperation, FilterQuery, Model, mongo, UpdateQuery } from 'mongoose';
import { OUTBOX_FIELDS, outboxFieldsForInsert, outboxUpdate, type OutboxEntry } from './outbox-entry';
import { OutboxRelay } from './outbox-relay';

/** Operators merged key by key; a field set twice in one operator is a bug at the call site. */
function withOutbox<T>(update: UpdateQuery<T>, entries: readonly OutboxEntry[]): UpdateQuery<T> {
  if (entries.length === 0) return update;
  const merged: Record<string, Record<string, unknown>> = {
    ...(update as Record<string, Record<string, unknown>>),
  };
  for (const [operator, fields] of Object.entries(outboxUpdate([...entries]))) {
    const existing = merged[operator] ?? {};
    for (const field of Object.keys(fields))
      if (field in existing)
        throw new Error(`the update already sets ${operator}.${field}, which the outbox owns`);
    merged[operator] = { ...existing, ...fields };
  }
  return merged as UpdateQuery<T>;
}

type Identified = { _id: string };

/** One write of a bulk: a new document with its first events, or an update of one document by `_id`. */
export type OutboxWrite<T> =
  | { insert: Identified & Partial<T>; events: readonly OutboxEntry[] }
  | {
      filter: FilterQuery<T> & Identified;
      update: UpdateQuery<T>;
      events: readonly OutboxEntry[];
      upsert?: boolean;
    };

/**
 * The one way a service writes state together with the integration events it causes (dotnet/eShop's
 * outbox, without transactions): the events go into the written document's own `outbox` in the same
 * single-document write, and the relay is told which document to publish from. Never call the relay yourself.
 *
 * Guards belong in the filter (`{ _id, version }`, `{ _id, lastEventId: { $lt } }`): a write that matches
 * nothing writes no events either.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly relay: OutboxRelay) {}

  /** Inserts a new document with its first events (a duplicate `_id` throws the driver's error 11000). */
  async insert<T>(
    model: Model<T>,
    document: Identified & Partial<T>,
    events: readonly OutboxEntry[],
  ): Promise<void> {
    await model.collection.insertOne({ ...document, ...outboxFieldsForInsert([...events]) } as never);
    if (events.length > 0) this.relay.notifyWritten(model.collection.collectionName, document._id, events);
  }

  /**
   * Applies `update` to the one document `filter` matches, appending `events` to its outbox in the same write.
   * Returns the document as written (lean), or null when nothing matched (a missed guard: nothing was written).
   */
  async update<T>(
    model: Model<T>,
    filter: FilterQuery<T>,
    update: UpdateQuery<T>,
    events: readonly OutboxEntry[],
    options: { upsert?: boolean } = {},
  ): Promise<T | null> {
    const written = (await model
      .findOneAndUpdate(filter, withOutbox(update, events), {
        new: true,
        upsert: options.upsert ?? false,
        lean: true,
      })
      .exec()) as (T & Identified & { outbox?: OutboxEntry[]; outboxClaimedBy?: string }) | null;
    if (written && events.length > 0) this.announce(model, written, events);
    return written;
  }

  /**
   * Several documents of one collection in one round trip, each with its own events (unordered). Answers the
   * driver's result (matched and inserted counts), or null for no writes. A write error (a duplicate `_id`)
   * is thrown after the relay is told about the writes that did go through.
   */
  async bulk<T>(model: Model<T>, writes: readonly OutboxWrite<T>[]): Promise<mongo.BulkWriteResult | null> {
    if (writes.length === 0) return null;
    const operations = writes.map((write): AnyBulkWriteOperation =>
      'insert' in write
        ? {
            insertOne: {
              document: { ...write.insert, ...outboxFieldsForInsert([...write.events]) } as never,
            },
          }
        : {
            updateOne: {
              filter: write.filter as never,
              update: withOutbox(write.update, write.events) as never,
              upsert: write.upsert ?? false,
            },
          },
    );
    const announce = (failed: ReadonlySet<number>): void => {
      const announced = writes
        .filter((write, index) => write.events.length > 0 && !failed.has(index))
        .map((write) => ('insert' in write ? write.insert._id : write.filter._id));
      if (announced.length > 0) this.relay.notify(model.collection.collectionName, announced);
    };
    try {
      const result = await model.collection.bulkWrite(operations as never, { ordered: false });
      announce(new Set());
      return result;
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index?: number } | { index?: number }[] }).writeErrors;
      if (writeErrors !== undefined) announce(new Set([writeErrors].flat().map((e) => e.index ?? -1)));
      throw error;
    }
  }

  /**
   * When the outbox holds exactly this write's events and no relay had claimed the document, the relay can
   * publish them as written; otherwise it reads the document.
   */
  private announce<T>(
    model: Model<T>,
    written: Identified & { outbox?: OutboxEntry[]; outboxClaimedBy?: string },
    events: readonly OutboxEntry[],
  ): void {
    const collection = model.collection.collectionName;
    const outbox = written[OUTBOX_FIELDS.outbox] ?? [];
    const justThese =
      !written.outboxClaimedBy &&
      outbox.length === events.length &&
      outbox.every((entry, i) => entry.eventId === events[i].eventId);
    if (justThese) this.relay.notifyWritten(collection, String(written._id), outbox);
    else this.relay.notify(collection, String(written._id));
  }
}
