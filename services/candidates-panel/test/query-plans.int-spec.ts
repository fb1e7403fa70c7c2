import { indexesUsed, waitFor } from '@sangathan/testing';
import type { Collection, Document } from 'mongodb';
import { PanelHarness } from './panel-harness';

/** Secondary indexes a plan reads (DocumentDB's `_id_` is what a whole-collection scan goes through). */
const secondary = (plan: unknown): string[] => indexesUsed(plan).filter((name) => name !== '_id_');

async function pageIndexes(collection: Collection, filter: Document, sort: Document = { _id: 1 }) {
  return secondary(await collection.find(filter).sort(sort).limit(101).explain());
}

/** The service's queries are answered from the indexes its schemas declare, not by scanning collections. */
describe('candidates-panel query plans', () => {
  const h = new PanelHarness();
  const col = (name: string) => h.db.collection(name);

  beforeAll(async () => {
    await h.start();
    await waitFor(
      async () =>
        (await col('feedback').indexes()).length >= 4 &&
        (await col('panel_audit').indexes()).length >= 4 &&
        (await col('panels').indexes()).length >= 6,
      { what: 'indexes built' },
    );
    const at = new Date();
    const sealed = { k: 'k1', iv: 'x', ct: 'x', tag: 'x' };
    const ids = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
    await col('panels').insertMany(
      ids(2000, 'P').map((id, i) => ({
        _id: id,
        cycleId: `C-${i % 50}`,
        seatId: `S-${i}`,
        seatLevel: 'lok-sabha',
        seatAncestors: ['IN', 'UP'],
        areaId: `Z-${i % 40}`,
        ancestors: ['IN', 'UP'],
        status: i % 3 === 0 ? 'submitted' : 'open',
        deadline: new Date(at.getTime() + (i % 2 ? 1 : -1) * 86_400_000),
        deadlineMissedAt: i % 5 === 0 ? at : null,
        version: 1,
        sealedWith: 'k1',
      })) as never[],
    );
    await col('feedback').insertMany(
      ids(4000, 'F').map((id, i) => ({
        _id: id,
        panelId: `P-${String(i % 400).padStart(5, '0')}`,
        prospectId: `R-${i % 1200}`,
        source: 'worker',
        ratings: { winnability: 1, organisationalStrength: 2, publicImage: 3, loyalty: 4 },
        text: sealed,
        authorId: 'a',
        recordedAt: at,
        sealedWith: 'k1',
      })) as never[],
    );
    await col('panel_audit').insertMany(
      ids(4000, 'A').map((id, i) => ({
        _id: id,
        at,
        actorId: `m-${i % 300}`,
        roles: ['zone-coordinator'],
        actorAreaId: 'Z',
        action: 'panel.read',
        outcome: i % 7 === 0 ? 'denied' : 'allowed',
        panelId: `P-${String(i % 500).padStart(5, '0')}`,
        method: 'GET',
        route: '/panels/:panelId',
      })) as never[],
    );
    await col('org_directory_areas').insertMany(
      ids(3000, 'AC').map((id, i) => ({
        _id: id,
        level: 'assembly',
        parentId: 'D',
        ancestors: ['IN', 'UP', `Z-${i % 20}`, 'D'],
        lokSabhaId: `LS-${i % 300}`,
        lastEventId: '0',
      })) as never[],
    );
  }, 120_000);

  afterAll(async () => {
    await h.stop();
  });

  it('reads one panel’s feedback (list, per prospect, and the aggregates’ match) from the panel indexes', async () => {
    expect(await pageIndexes(col('feedback'), { panelId: 'P-00007' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^panelId_1/)]),
    );
    expect(await pageIndexes(col('feedback'), { panelId: 'P-00007', prospectId: 'R-7' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^panelId_1/)]),
    );
  });

  it('pages the audit log by panel, by actor and by outcome from its indexes', async () => {
    expect(await pageIndexes(col('panel_audit'), { panelId: 'P-00003' })).toEqual(['panelId_1__id_1']);
    expect(await pageIndexes(col('panel_audit'), { actorId: 'm-3' })).toEqual(['actorId_1__id_1']);
    expect(await pageIndexes(col('panel_audit'), { outcome: 'denied' })).toEqual(['outcome_1__id_1']);
  });

  it('finds a seat’s panel, a zone’s panels, missed deadlines and what rotation must re-seal from indexes', async () => {
    expect(secondary(await col('panels').find({ cycleId: 'C-1', seatId: 'S-51' }).explain())).toEqual([
      'cycleId_1_seatId_1',
    ]);
    expect(await pageIndexes(col('panels'), { $or: [{ areaId: 'Z-3' }, { ancestors: 'Z-3' }] })).toEqual(
      expect.arrayContaining(['areaId_1__id_1']),
    );
    const missed = secondary(
      await col('panels')
        .find({
          deadlineMissedAt: null,
          status: { $in: ['open', 'collecting', 'proposed', 'returned'] },
          deadline: { $lt: new Date() },
        })
        .limit(200)
        .explain(),
    );
    expect(missed).toEqual(expect.arrayContaining([expect.stringMatching(/^deadlineMissedAt_1/)]));
    expect(await pageIndexes(col('feedback'), { sealedWith: { $ne: 'k2' } })).not.toEqual([]);
  });

  it('finds the assembly segments of a Lok Sabha seat from the org-directory index', async () => {
    expect(
      secondary(await col('org_directory_areas').find({ lokSabhaId: 'LS-7', level: 'assembly' }).explain()),
    ).toEqual(['lokSabhaId_1_level_1']);
  });
});
