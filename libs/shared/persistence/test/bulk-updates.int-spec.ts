import { isolateTest } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import { openTestConnection } from './test-connection';

/**
 * Unpatched FerretDB 1.24 kept one SQLite connection per statement of an `update` command until the whole
 * command ended; a bulkWrite of ~100 updateOne statements used up its pool and hung forever, and every later
 * operation on the database with it (the analytics full-scale stall). infra/local/ferretdb-patches.mjs closes
 * each statement's query when the statement is done; this keeps it so (unpatched: 150 statements never return).
 */
describe('bulk updates of many statements', () => {
  const isolation = isolateTest('persistence');
  let connection: Connection;

  beforeAll(async () => {
    connection = await openTestConnection(isolation.dbName('persistence'));
  });
  afterAll(async () => connection?.close());

  it('applies a bulkWrite of 300 updateOne statements, upserts included, and the database stays usable', async () => {
    const docs = connection.collection<{ _id: string; n: number }>('bulk');
    await docs.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `d-${i}`, n: 0 })));
    const result = await docs.bulkWrite(
      Array.from({ length: 300 }, (_, i) => ({ updateOne: { filter: { _id: `d-${i}` }, update: { $inc: { n: 1 } }, upsert: true } })),
      { ordered: false },
    );
    expect(result.modifiedCount + result.upsertedCount).toBe(300);
    expect(await docs.countDocuments({ n: 1 })).toBe(300);
  }, 20_000);
});
