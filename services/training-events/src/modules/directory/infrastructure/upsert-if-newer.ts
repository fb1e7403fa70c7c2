import type { Model } from 'mongoose';

/**
 * Idempotent read-model write: applies `fields` only if `eventId` is newer than the document's
 * `lastEventId` (UUIDv7 ids sort by time), inserting the document if it does not exist. A repeat or
 * an older event (replay, cross-partition reordering) changes nothing.
 * Returns true when the event was applied.
 */
export async function upsertIfNewer<T>(
  model: Model<T>,
  id: string,
  eventId: string,
  fields: Record<string, unknown>,
): Promise<boolean> {
  const updated = await model
    .updateOne({ _id: id, lastEventId: { $lt: eventId } } as never, {
      $set: { ...fields, lastEventId: eventId },
    })
    .exec();
  if (updated.matchedCount > 0) return true;
  try {
    await model.collection.insertOne({ _id: id, ...fields, lastEventId: eventId } as never);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    // Someone inserted it meanwhile: apply only if this event is still the newer one.
    const retried = await model
      .updateOne({ _id: id, lastEventId: { $lt: eventId } } as never, {
        $set: { ...fields, lastEventId: eventId },
      })
      .exec();
    return retried.matchedCount > 0;
  }
}
