import type { Model } from 'mongoose';

const isDuplicateKey = (error: unknown): boolean => (error as { code?: number }).code === 11000;

/**
 * The idempotency guard of a read model fed by another service's events: sets `fields` on document `id` only
 * if `eventId` (UUIDv7, so time-ordered) is newer than the last event applied to it, inserting the document
 * when it is missing. A redelivered or older event changes nothing. Returns whether the event was applied.
 * `insertOnly` fields are written when the document is created and never overwritten (data the service owns).
 */
export async function upsertIfNewer<T>(
  model: Model<T>,
  id: string,
  eventId: string,
  fields: Record<string, unknown>,
  insertOnly: Record<string, unknown> = {},
): Promise<boolean> {
  const applyIfNewer = async (): Promise<boolean> => {
    const updated = await model
      .updateOne({ _id: id, lastEventId: { $lt: eventId } } as never, {
        $set: { ...fields, lastEventId: eventId },
      })
      .exec();
    return updated.matchedCount > 0;
  };
  if (await applyIfNewer()) return true;
  try {
    await model.collection.insertOne({ ...insertOnly, ...fields, _id: id, lastEventId: eventId } as never);
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Either this event was applied already, or another one inserted the document meanwhile: apply if newer.
    return applyIfNewer();
  }
}
