import type { Document } from 'mongodb';
import { ADMIN, OrgHarness } from './org-harness';

/**
 * The filtered lists (areas by Lok Sabha seat, seat class or name; tasks overdue or unreviewed;
 * members by kind or name), paged through the API, find what one `$and` of the conditions finds,
 * read here through the driver on the same data (their query plans: query-plans.int-spec.ts).
 */
describe('filtered lists find what the plain $and of their conditions finds', () => {
  const org = new OrgHarness('org-list-filters');

  /** Every id the API lists for `path` (all pages of `limit`). */
  async function listAll(path: string, limit = 2): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await org
        .http()
        .get(`${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
        .set('Authorization', ADMIN)
        .expect(200);
      ids.push(...res.body.items.map((item) => item.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return ids;
  }

  async function former(collection: string, parts: Document[]): Promise<string[]> {
    const docs = await org
      .db()
      .collection(collection)
      .find({ $and: parts }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .toArray();
    return docs.map((d) => String(d._id));
  }

  const inSubtree = (id: string): Document => ({ $or: [{ areaId: id }, { ancestors: id }] });

  beforeAll(async () => {
    await org.start();
    await org.seedTree();
    await org.member('UP-AC-001-B0001', '9830000001', 'रामलाल', 'Ramlal');
    await org.member('UP-AC-001-B0002', '9830000002', 'Ramesh Yadav', 'रमेश यादव');
    await org.member('UP-AC-002-B0001', '9830000003', 'Sita Devi', 'सीता देवी');
    const dueAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    for (const [title, areaId] of [
      ['late', 'UP-AC-001-M01'],
      ['unreviewed', 'UP-AC-001'],
      ['fine', 'UP-AC-001-B0001'],
      ['elsewhere', 'UP-AC-002'],
    ]) {
      await org.http().post('/tasks').set('Authorization', ADMIN).send({ title, areaId, dueAt }).expect(201);
    }
    const tasks = org.db().collection('tasks');
    await tasks.updateOne(
      { title: 'late' },
      { $set: { dueAt: new Date(Date.now() - 86_400_000), nextReviewAt: new Date(Date.now() - 3_600_000) } },
    );
    await tasks.updateOne(
      { title: 'unreviewed' },
      { $set: { nextReviewAt: new Date(Date.now() - 3_600_000) } },
    );
    await tasks.updateOne({ title: 'elsewhere' }, { $set: { dueAt: new Date(Date.now() - 86_400_000) } });
  });
  afterAll(() => org.stop());

  it('areas by Lok Sabha seat, seat class and name prefix', async () => {
    const cases: [string, Document[]][] = [
      ['/areas?under=UP&lokSabhaId=UP-LS-01', [{ ancestors: 'UP' }, { lokSabhaId: 'UP-LS-01' }]],
      [
        '/areas?under=UP&lokSabhaId=up-ls-01&level=booth',
        [{ ancestors: 'UP' }, { level: 'booth' }, { lokSabhaId: 'UP-LS-01' }],
      ],
      ['/areas?under=UP-D-ONE&lokSabhaId=UP-LS-01', [{ ancestors: 'UP-D-ONE' }, { lokSabhaId: 'UP-LS-01' }]],
      ['/areas?under=IN&seatClass=lost', [{ ancestors: 'IN' }, { seatClass: 'lost' }]],
      ['/areas?under=IN&q=ram', [{ ancestors: 'IN' }, { nameKeys: { $regex: '^ram' } }]],
      [
        '/areas?under=UP-Z-A&q=बूथ&level=booth',
        [{ ancestors: 'UP-Z-A' }, { level: 'booth' }, { nameKeys: { $regex: '^बूथ' } }],
      ],
      ['/areas?under=UP-D-ONE&q=RĀM', [{ ancestors: 'UP-D-ONE' }, { nameKeys: { $regex: '^ram' } }]],
      [
        '/areas?under=UP-D-ONE&q=बूथ&level=booth',
        [{ ancestors: 'UP-D-ONE' }, { level: 'booth' }, { nameKeys: { $regex: '^बूथ' } }],
      ],
      ['/areas?under=UP-D-ONE&seatClass=lost', [{ ancestors: 'UP-D-ONE' }, { seatClass: 'lost' }]],
      [
        '/areas?under=UP-D-ONE&lokSabhaId=up-ls-01&level=booth',
        [{ ancestors: 'UP-D-ONE' }, { level: 'booth' }, { lokSabhaId: 'UP-LS-01' }],
      ],
      [
        '/areas?under=UP-AC-001&q=shiv&lokSabhaId=UP-LS-01',
        [{ ancestors: 'UP-AC-001' }, { lokSabhaId: 'UP-LS-01' }, { nameKeys: { $regex: '^shiv' } }],
      ],
    ];
    for (const [path, parts] of cases) {
      const expected = await former('areas', parts);
      expect(expected.length).toBeGreaterThan(0);
      expect(await listAll(path)).toEqual(expected);
    }
    expect(await listAll('/areas?under=UP-D-ONE&q=nomatch')).toEqual([]);
  });

  it('overdue and unreviewed tasks of a subtree', async () => {
    const now = new Date();
    const open = { status: 'open' };
    const cases: [string, Document[]][] = [
      ['/tasks?under=UP-D-ONE&overdue=true', [inSubtree('UP-D-ONE'), open, { dueAt: { $lt: now } }]],
      [
        '/tasks?under=UP-D-ONE&unreviewed=true',
        [inSubtree('UP-D-ONE'), open, { nextReviewAt: { $lt: now } }],
      ],
      ['/tasks?under=UP&overdue=true', [inSubtree('UP'), open, { dueAt: { $lt: now } }]],
      [
        '/tasks?under=UP&overdue=true&unreviewed=true',
        [inSubtree('UP'), open, { dueAt: { $lt: now } }, { nextReviewAt: { $lt: now } }],
      ],
      ['/tasks?under=UP-D-ONE&status=open', [inSubtree('UP-D-ONE'), open]],
    ];
    for (const [path, parts] of cases) {
      const expected = await former('tasks', parts);
      expect(expected.length).toBeGreaterThan(0);
      expect(await listAll(path, 1)).toEqual(expected);
    }
    // Both conditions on `status` apply: a completed overdue task cannot exist.
    expect(await listAll('/tasks?under=UP&overdue=true&status=completed')).toEqual([]);
  });

  it('members by kind and name', async () => {
    const cases: [string, Document[]][] = [
      ['/members?under=UP-D-ONE&kind=worker', [inSubtree('UP-D-ONE'), { kind: 'worker' }]],
      ['/members?under=UP&q=ram', [inSubtree('UP'), { nameKeys: { $regex: '^ram' } }]],
      ['/members?under=UP&status=active', [inSubtree('UP'), { status: 'active' }]],
    ];
    for (const [path, parts] of cases) {
      const expected = await former('members', parts);
      expect(expected.length).toBeGreaterThan(0);
      expect(await listAll(path)).toEqual(expected);
    }
  });
});
