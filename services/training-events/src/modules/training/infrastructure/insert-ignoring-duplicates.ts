import type { Model } from 'mongoose';

/**
 * `insertMany` (unordered) that treats "already there" as success, as a resumed run re-inserting
 * its last chunk or a redelivered event needs. Answers the positions (in `docs`) of the documents
 * that already existed; any other write error is thrown.
 */
export async function insertIgnoringDuplicates<T>(model: Model<T>, docs: readonly unknown[]): Promise<{ duplicates: number[] }> {
  if (docs.length === 0) return { duplicates: [] };
  try {
    await model.collection.insertMany([...docs] as never[], { ordered: false });
    return { duplicates: [] };
  } catch (error) {
    const e = error as { code?: number; writeErrors?: WriteError | WriteError[]; result?: { writeErrors?: WriteError[] } };
    const writeErrors = [e.writeErrors ?? e.result?.writeErrors ?? []].flat();
    if (writeErrors.length === 0 && e.code === 11000 && docs.length === 1) return { duplicates: [0] };
    if (writeErrors.length === 0 || !writeErrors.every((w) => w.code === 11000)) throw error;
    return { duplicates: writeErrors.map((w) => w.index) };
  }
}

type WriteError = { code?: number; index: number };
