import { isolateTest } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import { openTestConnection } from './test-connection';

/**
 * Every aggregate write (state + outbox entry) is an update by `_id`, usually with a guard such as a version.
 * Its cost must not grow with the collection: the engine answers it from the `_id` index (FerretDB 1 on SQLite
 * once scanned the whole table for it; docs/benchmarks.md).
 */
describe('writes by _id do not slow down as the collection grows', () => {
  const isolation = isolateTest('persistence');
  let connection: Connection;

  beforeAll(async () => {
    connection = await openTestConnection(isolation.dbName('persistence'));
  });
  afterAll(async () => connection?.close());

  async function medianGuardedUpdateMs(collectionName: string, size: number): Promise<number> {
    const docs = connection.collection<{ _id: string; version: number; n: number; pad: string }>(
      collectionName,
    );
    for (let from = 0; from < size; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - from) }, (_, i) => ({
        _id: `doc-${from + i}`,
        version: 1,
        n: 0,
        pad: 'x'.repeat(300),
      }));
      await docs.insertMany(batch);
    }
    const samples: number[] = [];
    for (let i = 0; i < 41; i++) {
      // spread over the table, including its end, where a scan costs most
      const id = `doc-${(i * 7919 + size - 1) % size}`;
      const started = performance.now();
      const result = await docs.updateOne({ _id: id, version: 1 }, { $set: { n: i + 1 } });
      samples.push(performance.now() - started);
      expect(result.modifiedCount).toBe(1);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  }

  it('a guarded update by _id costs about the same at 5,000 documents as at 50', async () => {
    const small = await medianGuardedUpdateMs('small', 50);
    const large = await medianGuardedUpdateMs('large', 5000);
    // a scan measured ~10x here; allow noise on a busy 2-core machine
    expect(large / Math.max(small, 0.2)).toBeLessThan(4);
  });

  it('a guard that does not match still leaves the document unchanged (the full filter is applied)', async () => {
    const docs = connection.collection<{ _id: string; version: number; n: number }>('guards');
    await docs.insertOne({ _id: 'g', version: 2, n: 0 });
    const stale = await docs.updateOne({ _id: 'g', version: 1 }, { $set: { n: 1 } });
    expect(stale.matchedCount).toBe(0);
    expect(await docs.findOne({ _id: 'g' })).toMatchObject({ version: 2, n: 0 });
  });
});
