import { isolateTest } from '@sangathan/testing';
import { Schema, type Connection, type Model } from 'mongoose';
import { repathDescendants, upsertIfNewer } from '../src';
import { openTestConnection } from './test-connection';

type KnownArea = {
  _id: string;
  nameEn: string;
  ancestors: string[];
  lastEventId: string;
  geo?: string | null;
};

/** The shared blocks every service's org-directory read model applies org's events with. */
describe('read-model building blocks on the real engine', () => {
  const isolation = isolateTest('read-models');
  let connection: Connection;
  let areas: Model<KnownArea>;

  beforeAll(async () => {
    connection = await openTestConnection(isolation.dbName('persistence'));
    areas = connection.model<KnownArea>(
      'KnownArea',
      new Schema<KnownArea>(
        {
          _id: String,
          nameEn: String,
          ancestors: [String],
          lastEventId: String,
          geo: { type: String, default: null },
        },
        { versionKey: false },
      ),
    );
  });
  afterAll(async () => connection?.close());

  it('applies an event only when it is newer, inserts a missing document once, and keeps insert-only fields', async () => {
    expect(
      await upsertIfNewer(areas, 'D1', 'e-002', { nameEn: 'Lucknow', ancestors: ['IN', 'UP'] }, { geo: 'g' }),
    ).toBe(true);
    expect(await upsertIfNewer(areas, 'D1', 'e-001', { nameEn: 'Old name', ancestors: ['IN', 'UP'] })).toBe(
      false,
    );
    expect(await upsertIfNewer(areas, 'D1', 'e-002', { nameEn: 'Again', ancestors: ['IN', 'UP'] })).toBe(
      false,
    );
    expect(
      await upsertIfNewer(
        areas,
        'D1',
        'e-003',
        { nameEn: 'लखनऊ', ancestors: ['IN', 'UP'] },
        { geo: 'other' },
      ),
    ).toBe(true);
    expect(await areas.findById('D1').lean().exec()).toEqual({
      _id: 'D1',
      nameEn: 'लखनऊ',
      ancestors: ['IN', 'UP'],
      lastEventId: 'e-003',
      geo: 'g',
    });
  });

  it('lets exactly one of two racing first events insert, and the newer one wins', async () => {
    const results = await Promise.all([
      upsertIfNewer(areas, 'D2', 'e-010', { nameEn: 'older', ancestors: ['IN'] }),
      upsertIfNewer(areas, 'D2', 'e-011', { nameEn: 'newer', ancestors: ['IN'] }),
    ]);
    expect(results).toContain(true);
    expect(await areas.findById('D2').lean().exec()).toMatchObject({ nameEn: 'newer', lastEventId: 'e-011' });
  });

  it('re-paths a moved subtree, and a redelivered older move does not pull it back', async () => {
    await areas.insertMany([
      { _id: 'A1', nameEn: 'a', ancestors: ['IN', 'UP', 'Z1', 'D9'], lastEventId: 'x' },
      { _id: 'B1', nameEn: 'b', ancestors: ['IN', 'UP', 'Z1', 'D9', 'A1'], lastEventId: 'x' },
      { _id: 'C1', nameEn: 'c', ancestors: ['IN', 'UP', 'Z1'], lastEventId: 'x' },
    ]);
    // D9 moves from zone Z1 to Z2, then (newer) from Z2 to Z3; the first move is delivered again afterwards.
    expect(await repathDescendants(areas, 'D9', ['IN', 'UP', 'Z2'], ['IN', 'UP', 'Z1'])).toBe(2);
    expect(await repathDescendants(areas, 'D9', ['IN', 'UP', 'Z3'], ['IN', 'UP', 'Z2'])).toBe(2);
    expect(await repathDescendants(areas, 'D9', ['IN', 'UP', 'Z2'], ['IN', 'UP', 'Z1'])).toBe(0);
    const paths = Object.fromEntries(
      (
        await areas
          .find({ _id: { $in: ['A1', 'B1', 'C1'] } })
          .lean()
          .exec()
      ).map((a) => [a._id, a.ancestors]),
    );
    expect(paths).toEqual({
      A1: ['IN', 'UP', 'Z3', 'D9'],
      B1: ['IN', 'UP', 'Z3', 'D9', 'A1'],
      C1: ['IN', 'UP', 'Z1'],
    });
  });
});
