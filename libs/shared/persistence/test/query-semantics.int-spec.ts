import { isolateTest } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import { openTestConnection } from './test-connection';

type Doc = { _id: string; tag?: unknown; n?: number; sub?: unknown };

/**
 * The query shapes the services rely on, with MongoDB's matching rules (a string condition matches the value
 * or any element of an array), on the engine the tests run on as on MongoDB 7.
 */
describe('query shapes keep MongoDB semantics', () => {
  const isolation = isolateTest('persistence');
  let connection: Connection;
  const docs: Doc[] = [
    { _id: 'a', tag: 'x', n: 1 },
    { _id: 'b', tag: ['y', 'x'], n: 2 },
    { _id: 'c', tag: 'y', n: 3 },
    { _id: 'd', n: 4 },
    { _id: 'e', tag: { inner: 'x' }, n: 5 },
    { _id: 'f', tag: 'q', n: 6 },
    { _id: 'g', tag: 'जिला-x', n: 7, sub: [{ k: 'x' }, { k: 'z' }] },
    { _id: 'h', tag: 'X', n: 8, sub: { k: 'x' } },
    { _id: 'i', tag: null, n: 9 },
  ];

  beforeAll(async () => {
    connection = await openTestConnection(isolation.dbName('persistence'));
    await connection.collection<Doc>('shapes').insertMany(docs);
  });
  afterAll(async () => connection?.close());

  const ids = async (filter: Record<string, unknown>) =>
    (
      await connection
        .collection<Doc>('shapes')
        .find(filter as never)
        .toArray()
    )
      .map((d) => d._id)
      .sort();

  it.each([
    ['string equality matches values and array elements', { tag: 'x' }, ['a', 'b']],
    ['$eq behaves like equality', { tag: { $eq: 'x' } }, ['a', 'b']],
    ['$in over strings', { tag: { $in: ['y', 'X'] } }, ['b', 'c', 'h']],
    ['Devanagari strings compare exactly', { tag: 'जिला-x' }, ['g']],
    ['_id equality', { _id: 'c' }, ['c']],
    ['_id $in', { _id: { $in: ['a', 'c', 'zz'] } }, ['a', 'c']],
    ['_id with another condition', { _id: { $in: ['a', 'b', 'c'] }, tag: 'y' }, ['b', 'c']],
    ['_id and a condition that fails', { _id: 'a', n: 2 }, []],
    ['string and number conditions together', { tag: 'x', n: { $gte: 2 } }, ['b']],
    ['dotted path into an array of subdocuments', { 'sub.k': 'x' }, ['g', 'h']],
    ['$in mixing a string and null', { tag: { $in: ['y', null] } }, ['b', 'c', 'd', 'i']],
    ['a missing value matches nothing', { tag: 'nope' }, []],
  ])('%s', async (_name, filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it('updates and deletes use the same matching', async () => {
    const shapes = connection.collection<Doc>('shapes');
    const updated = await shapes.updateMany({ tag: 'x' } as never, { $set: { n: 100 } });
    expect(updated.modifiedCount).toBe(2);
    expect(await ids({ n: 100 })).toEqual(['a', 'b']);
    const deleted = await shapes.deleteMany({ _id: { $in: ['e', 'f'] }, n: { $gt: 5 } } as never);
    expect(deleted.deletedCount).toBe(1);
    expect(await ids({ _id: { $in: ['e', 'f'] } })).toEqual(['e']);
  });
});
