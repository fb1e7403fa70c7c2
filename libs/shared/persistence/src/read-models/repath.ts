import type { Model } from 'mongoose';

/**
 * When `movedId` moves, every descendant's ancestors (root first) change prefix: what came before `movedId`
 * becomes `newAncestors`; what follows it stays. Applying it twice gives the same result, so a redelivered
 * move is harmless.
 */
export function repath(
  ancestors: readonly string[],
  movedId: string,
  newAncestors: readonly string[],
): string[] {
  const at = ancestors.indexOf(movedId);
  if (at < 0) return [...ancestors];
  return [...newAncestors, movedId, ...ancestors.slice(at + 1)];
}

/**
 * Re-paths every document of a read model that lies under `movedId` (its `ancestors` hold it), in one
 * unordered bulk write. Each update is conditioned on the ancestors it read, so a concurrent newer event
 * for one descendant is not overwritten with a stale path. With `previousAncestors` (the moved area's path
 * before the move) only documents still under that path are re-pathed: a redelivered older move, after a
 * newer one, changes nothing.
 */
export async function repathDescendants<T extends { ancestors: string[] }>(
  model: Model<T>,
  movedId: string,
  newAncestors: readonly string[],
  previousAncestors?: readonly string[],
): Promise<number> {
  const stillUnderOldPath = (ancestors: readonly string[]): boolean =>
    !previousAncestors ||
    (ancestors.indexOf(movedId) === previousAncestors.length &&
      previousAncestors.every((id, i) => ancestors[i] === id));
  const descendants = await model
    .find({ ancestors: movedId } as never, { ancestors: 1 })
    .lean<{ _id: string; ancestors: string[] }[]>()
    .exec();
  const operations = descendants
    .filter((doc) => stillUnderOldPath(doc.ancestors))
    .map((doc) => ({ doc, ancestors: repath(doc.ancestors, movedId, newAncestors) }))
    .filter(({ doc, ancestors }) => ancestors.join('/') !== doc.ancestors.join('/'))
    .map(({ doc, ancestors }) => ({
      updateOne: { filter: { _id: doc._id, ancestors: doc.ancestors }, update: { $set: { ancestors } } },
    }));
  if (operations.length === 0) return 0;
  const result = await model.collection.bulkWrite(operations as never, { ordered: false });
  return result.modifiedCount;
}
