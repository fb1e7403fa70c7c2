import { indexesUsed, isolateTest } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import { openTestConnection } from './test-connection';

/**
 * What the services rely on from the database engine (FerretDB 2 on PostgreSQL + DocumentDB here, MongoDB 7 in
 * production), each the reason a FerretDB-1 workaround could go: a pool that keeps every concurrent update,
 * `$pull` with a condition, `$push` with `$slice`, large bulk writes, TTL indexes, `$group` and `$lookup`.
 */
describe('database engine capabilities the platform relies on', () => {
  const isolation = isolateTest('persistence');
  let connection: Connection;

  beforeAll(async () => {
    connection = await openTestConnection(isolation.dbName('persistence'));
  });
  afterAll(async () => connection?.close());

  it('keeps every one of many concurrent updates to one document made over several pooled connections', async () => {
    const counters = connection.collection<{ _id: string; a: number; b: number; log: number[] }>('counters');
    await counters.insertOne({ _id: 'one', a: 0, b: 0, log: [] });
    let inUse = 0;
    let mostInUse = 0;
    const client = connection.getClient();
    const out = () => (mostInUse = Math.max(mostInUse, ++inUse));
    const back = () => inUse--;
    client.on('connectionCheckedOut', out).on('connectionCheckedIn', back);
    const writers = 6;
    const rounds = 75;
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        (async () => {
          for (let i = 0; i < rounds; i++) {
            await counters.updateOne(
              { _id: 'one' },
              w % 2 === 0 ? { $inc: { a: 1 } } : { $inc: { b: 1 }, $push: { log: i } },
            );
          }
        })(),
      ),
    );
    const doc = await counters.findOne({ _id: 'one' });
    expect(doc).toMatchObject({ a: (writers / 2) * rounds, b: (writers / 2) * rounds });
    expect(doc?.log).toHaveLength((writers / 2) * rounds);
    client.off('connectionCheckedOut', out).off('connectionCheckedIn', back);
    // The writers really ran side by side on several connections.
    expect(mostInUse).toBeGreaterThan(1);
  });

  it('pulls subdocuments by a condition and trims with $push … $slice', async () => {
    const docs = connection.collection<{ _id: string; outbox: { eventId: string }[]; recent: number[] }>(
      'pulls',
    );
    await docs.insertOne({
      _id: 'p',
      outbox: [{ eventId: 'e1' }, { eventId: 'e2' }, { eventId: 'e3' }],
      recent: [1, 2, 3],
    });
    await docs.updateOne(
      { _id: 'p' },
      {
        $pull: { outbox: { eventId: { $in: ['e1', 'e3'] } } },
        $push: { recent: { $each: [4, 5], $slice: -3 } },
      },
    );
    expect(await docs.findOne({ _id: 'p' })).toMatchObject({
      outbox: [{ eventId: 'e2' }],
      recent: [3, 4, 5],
    });
  });

  it('applies a bulkWrite of 300 updateOne statements, upserts included, and the database stays usable', async () => {
    const docs = connection.collection<{ _id: string; n: number }>('bulk');
    await docs.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `d-${i}`, n: 0 })));
    const result = await docs.bulkWrite(
      Array.from({ length: 300 }, (_, i) => ({
        updateOne: { filter: { _id: `d-${i}` }, update: { $inc: { n: 1 } }, upsert: true },
      })),
      { ordered: false },
    );
    expect(result.modifiedCount + result.upsertedCount).toBe(300);
    expect(await docs.countDocuments({ n: 1 })).toBe(300);
  }, 20_000);

  it('creates a TTL index', async () => {
    const keys = connection.collection<{ _id: string; expiresAt: Date }>('expiring');
    await keys.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const ttl = (await keys.indexes()).find((index) => index.key.expiresAt === 1);
    expect(ttl?.expireAfterSeconds).toBe(0);
  });

  it('groups with $group and joins with $lookup', async () => {
    const areas = connection.collection<{ _id: string; district: string; booths: number }>('areas');
    const members = connection.collection<{ _id: string; areaId: string }>('members');
    await areas.insertMany([
      { _id: 'A1', district: 'लखनऊ', booths: 3 },
      { _id: 'A2', district: 'लखनऊ', booths: 4 },
      { _id: 'A3', district: 'आगरा', booths: 5 },
    ]);
    await members.insertMany([
      { _id: 'm1', areaId: 'A1' },
      { _id: 'm2', areaId: 'A1' },
      { _id: 'm3', areaId: 'A3' },
    ]);
    const totals = await areas
      .aggregate([
        { $group: { _id: '$district', booths: { $sum: '$booths' }, areas: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(totals).toEqual([
      { _id: 'आगरा', booths: 5, areas: 1 },
      { _id: 'लखनऊ', booths: 7, areas: 2 },
    ]);
    const joined = await areas
      .aggregate([
        { $lookup: { from: 'members', localField: '_id', foreignField: 'areaId', as: 'members' } },
        { $project: { n: { $size: '$members' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(joined).toEqual([
      { _id: 'A1', n: 2 },
      { _id: 'A2', n: 0 },
      { _id: 'A3', n: 1 },
    ]);
  });

  it("answers the relay's sweep and a subtree query from their indexes, not a scan", async () => {
    const docs = connection.collection<{
      _id: string;
      ancestors: string[];
      level: string;
      outboxDueAt?: Date;
    }>('indexed');
    await docs.insertMany(
      Array.from({ length: 3000 }, (_, i) => ({
        _id: `a-${i}`,
        ancestors: ['IN', 'UP', `D-${i % 30}`],
        level: i % 3 ? 'booth' : 'sector',
        ...(i % 100 === 0 ? { outboxDueAt: new Date() } : {}),
      })),
    );
    const sweep = () =>
      docs
        .find({ outboxDueAt: { $lte: new Date() } })
        .sort({ outboxDueAt: 1 })
        .limit(200)
        .explain();
    const subtree = () => docs.find({ ancestors: 'D-7', level: 'booth' }).explain();
    expect(indexesUsed(await sweep())).not.toContain('outboxDueAt_1');
    await docs.createIndex({ outboxDueAt: 1 }, { sparse: true });
    await docs.createIndex({ ancestors: 1, level: 1 });
    expect(indexesUsed(await sweep())).toContain('outboxDueAt_1');
    expect(indexesUsed(await subtree())).toContain('ancestors_1_level_1');
  });
});
