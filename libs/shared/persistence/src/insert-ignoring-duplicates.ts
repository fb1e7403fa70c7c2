import type { mongo } from 'mongoose';

type WriteError = { code?: number; index?: number; err?: { index?: number } };

/**
 * `insertMany` (unordered) that treats "already there" as success, as a resumed chunk re-inserting its own
 * documents or a redelivered event needs. Answers the positions (in `docs`) of the documents that already
 * existed; any other write error is thrown. The driver reports a write error's position in `index` or
 * `err.index` depending on its path, and a lone duplicate sometimes only as the error's own code.
 */
export async function insertIgnoringDuplicates<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  docs: readonly T[],
): Promise<{ duplicates: number[] }> {
  if (docs.length === 0) return { duplicates: [] };
  try {
    await collection.insertMany([...docs] as mongo.OptionalUnlessRequiredId<T>[], { ordered: false });
    return { duplicates: [] };
  } catch (error) {
    const e = error as {
      code?: number;
      writeErrors?: WriteError | WriteError[];
      result?: { writeErrors?: WriteError[] };
    };
    const writeErrors = [e.writeErrors ?? e.result?.writeErrors ?? []].flat();
    if (writeErrors.length === 0 && e.code === 11000 && docs.length === 1) return { duplicates: [0] };
    if (writeErrors.length === 0 || !writeErrors.every((w) => w.code === 11000)) throw error;
    return { duplicates: writeErrors.map((w) => w.index ?? w.err?.index ?? -1).filter((i) => i >= 0) };
  }
}
