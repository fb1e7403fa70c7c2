import { isolateTest } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import { openTestConnection } from './test-connection';

/**
 * FerretDB 1.24 applies an update as read-modify-write; on several connections concurrent updates
 * of one document can be lost. The platform runs one connection per service on FerretDB
 * (MONGODB_MAX_POOL_SIZE=1, set by the local infrastructure). This proves that setting keeps
 * every update, on FerretDB as on MongoDB.
 */
describe('concurrent single-document updates with the platform connection settings', () => {
  const isolation = isolateTest('persistence');
  let connection: Connection;

  beforeAll(async () => {
    connection = await openTestConnection(isolation.dbName('persistence'));
  });
  afterAll(async () => connection?.close());

  it('keeps every one of many concurrent updates to one document', async () => {
    const counters = connection.collection<{ _id: string; a: number; b: number; log: number[] }>('counters');
    await counters.insertOne({ _id: 'one', a: 0, b: 0, log: [] });
    const writers = 4;
    const rounds = 40;
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        (async () => {
          for (let i = 0; i < rounds; i++) {
            await counters.updateOne({ _id: 'one' }, w % 2 === 0 ? { $inc: { a: 1 } } : { $inc: { b: 1 }, $push: { log: i } });
          }
        })(),
      ),
    );
    const doc = await counters.findOne({ _id: 'one' });
    expect(doc).toMatchObject({ a: (writers / 2) * rounds, b: (writers / 2) * rounds });
    expect(doc?.log).toHaveLength((writers / 2) * rounds);
  });
});
