import { indexesUsed, NATIONAL_ADMIN } from '@sangathan/testing';
import type { Collection, Document } from 'mongodb';
import { subtreeFilter } from '../src/common/subtree';
import { areaListQuery, countByLevelPipeline } from '../src/modules/areas/infrastructure/area.repository';
import { Booth, type BoothProps } from '../src/modules/booths/domain/booth.entity';
import { coveragePipeline } from '../src/modules/booths/infrastructure/booth.repository';
import { memberListQuery } from '../src/modules/members/queries/list-members/list-members.query';
import { taskListQuery } from '../src/modules/tasks/queries/list-tasks/list-tasks.query';
import { ADMIN, OrgHarness } from './org-harness';

/**
 * The secondary indexes a plan reads. DocumentDB's `_id_` is left out: without a usable index it is what a
 * whole-collection scan goes through (an `_id_` bitmap scan on the collection's shard key), so only a
 * secondary index shows the filter was answered from an index.
 */
function secondaryIndexesUsed(plan: unknown): string[] {
  return indexesUsed(plan).filter((name) => name !== '_id_');
}

/** Indexes a list page (sorted by `_id`, 101 rows, as the repositories ask) of `filter` reads. */
async function pageIndexes(collection: Collection, filter: Document): Promise<string[]> {
  return secondaryIndexesUsed(await collection.find(filter).sort({ _id: 1 }).limit(101).explain());
}

/**
 * The queries behind the subtree page, the filtered lists, the start-up search for interrupted moves
 * and the import's phone lookup are answered from indexes of the collections (no collection scan), and
 * the two totals the database now adds up (areas per level, booth coverage) equal what the code used
 * to compute from the documents.
 */
describe('query plans and aggregations', () => {
  const org = new OrgHarness('org-query-plans');
  const areas = (): Collection => org.db().collection('areas');
  const locate = async (id: string): Promise<{ id: string; ancestors: string[] } | null> => {
    const doc = await areas().findOne({ _id: id as never }, { projection: { ancestors: 1 } });
    return doc ? { id, ancestors: doc.ancestors } : null;
  };

  beforeAll(async () => {
    await org.start();
    await org.seedTree();
    const people: string[] = [];
    for (let i = 0; i < 9; i++)
      people.push(
        await org.member('UP-AC-001-B0001', `98400000${String(i).padStart(2, '0')}`, `Worker ${i}`, null),
      );
    const booth = (id: string): string => `/booths/${id}`;
    await org
      .http()
      .put(`${booth('UP-AC-001-B0001')}/committee`)
      .set('Authorization', ADMIN)
      .send({ memberIds: people.slice(0, 3), requiredSize: 3 })
      .expect(200);
    for (const id of people.slice(0, 7))
      await org
        .http()
        .post(`${booth('UP-AC-001-B0001')}/volunteers`)
        .set('Authorization', ADMIN)
        .send({ memberId: id })
        .expect(200);
    await org
      .http()
      .put(`${booth('UP-AC-001-B0002')}/committee`)
      .set('Authorization', ADMIN)
      .send({ memberIds: people.slice(3, 5) })
      .expect(200);
    await org
      .http()
      .post(`${booth('UP-AC-001-B0002')}/volunteers`)
      .set('Authorization', ADMIN)
      .send({ memberId: people[8] })
      .expect(200);
    await org
      .http()
      .put(`${booth('UP-AC-001-B0002')}/whatsapp-groups`)
      .set('Authorization', ADMIN)
      .send({
        groups: [
          { name: 'परिवार', inviteLink: null, memberCount: 120 },
          { name: 'युवा', memberCount: 30 },
        ],
      })
      .expect(200);
    // A booth with coverage state written as nulls counts with the defaults, as Booth.of reads it.
    await areas().updateOne(
      { _id: 'UP-AC-002-B0001' as never },
      {
        $set: {
          booth: {
            committeeMemberIds: null,
            committeeRequired: null,
            volunteerIds: [],
            volunteerTarget: null,
            whatsappGroups: null,
          },
        },
      },
    );
  });
  afterAll(() => org.stop());

  it('reads a district subtree page through the {ancestors, level, _id} index, and the check fails without it', async () => {
    const page = areaListQuery('UP-D-ONE', { level: 'booth' }, undefined);
    const next = areaListQuery('UP-D-ONE', { level: 'booth' }, 'UP-AC-001-B0001');
    expect(await pageIndexes(areas(), page)).toContain('ancestors_1_level_1__id_1');
    expect(await pageIndexes(areas(), next)).toContain('ancestors_1_level_1__id_1');
    expect(await pageIndexes(areas(), areaListQuery('UP-D-ONE', {}, undefined))).toContain(
      'ancestors_1_level_1__id_1',
    );
    // The same documents without the secondary indexes: the plan names none (a scan), so the checks above can fail.
    const bare = org.db().collection('areas_without_indexes');
    await bare.insertMany(await areas().find({}).toArray());
    expect(await pageIndexes(bare, page)).toEqual([]);
  });

  it('answers the filtered area, member and task lists from indexes', async () => {
    const scope = (under: string): Promise<Record<string, unknown>> =>
      subtreeFilter(NATIONAL_ADMIN, 'org:read', under, locate);
    const now = new Date();
    const members = org.db().collection('members');
    const tasks = org.db().collection('tasks');
    const cases: [string, Collection, Document, string[]][] = [
      [
        'areas by name',
        areas(),
        areaListQuery('UP', { q: 'ram' }, undefined),
        ['nameKeys_1', 'ancestors_1_level_1__id_1'],
      ],
      [
        'areas by Lok Sabha seat',
        areas(),
        areaListQuery('UP', { level: 'booth', lokSabhaId: 'UP-LS-01' }, undefined),
        ['lokSabhaId_1_level_1', 'ancestors_1_level_1__id_1'],
      ],
      [
        'areas by seat class',
        areas(),
        areaListQuery('IN', { seatClass: 'lost' }, undefined),
        ['seatClass_1', 'ancestors_1_level_1__id_1'],
      ],
      [
        'members of a subtree',
        members,
        memberListQuery(await scope('UP-D-ONE'), {}, now),
        ['areaId_1', 'ancestors_1'],
      ],
      [
        'members by name',
        members,
        memberListQuery(await scope('UP'), { q: 'work' }, now),
        ['nameKeys_1', 'areaId_1', 'ancestors_1'],
      ],
      [
        'inactive members',
        members,
        memberListQuery(await scope('UP-D-ONE'), { inactiveDays: 14 }, now),
        ['status_1_lastActiveAt_1', 'areaId_1', 'ancestors_1'],
      ],
      [
        'overdue tasks',
        tasks,
        taskListQuery(await scope('UP-D-ONE'), { overdue: 'true' }, now),
        ['status_1_dueAt_1', 'areaId_1', 'ancestors_1'],
      ],
      [
        'unreviewed tasks',
        tasks,
        taskListQuery(await scope('UP'), { unreviewed: 'true' }, now),
        ['status_1_nextReviewAt_1', 'areaId_1', 'ancestors_1'],
      ],
    ];
    for (const [what, collection, filter, expected] of cases) {
      const used = await pageIndexes(collection, filter);
      // Read through at least one index, and only through the ones this list may use.
      expect({
        what,
        read: used.length > 0,
        unexpected: used.filter((name) => !expected.includes(name)),
      }).toEqual({ what, read: true, unexpected: [] });
    }
  });

  it('finds interrupted moves through the sparse repath index and members by phone through the phone index', async () => {
    expect(
      secondaryIndexesUsed(
        await areas()
          .find({ repath: { $exists: true } })
          .explain(),
      ),
    ).toEqual(['repath_1']);
    expect(
      secondaryIndexesUsed(
        await org
          .db()
          .collection('members')
          .find({ phone: { $in: ['+919840000001', '+919840000002'] } })
          .explain(),
      ),
    ).toEqual(['phone_1']);
  });

  it('counts areas per level with one group over the index, as the former count per level did', async () => {
    for (const under of ['IN', 'UP-Z-A', 'UP-D-ONE', 'UP-AC-002', 'UP-AC-001-B0001']) {
      const former: Record<string, number> = {};
      for (const level of [
        'state',
        'zone',
        'district',
        'lok-sabha',
        'assembly',
        'mandal',
        'sector',
        'booth',
      ]) {
        const n = await areas().countDocuments({ ancestors: under, level });
        if (n > 0) former[level] = n;
      }
      const res = await org.http().get(`/areas/${under}/counts`).set('Authorization', ADMIN).expect(200);
      expect(res.body.counts).toEqual(former);
    }
    expect(
      secondaryIndexesUsed(await areas().aggregate(countByLevelPipeline('UP-D-ONE')).explain()),
    ).toContain('ancestors_1_level_1__id_1');
  });

  it('adds up booth coverage in the database as the former fold over each booth did', async () => {
    for (const under of ['IN', 'UP-D-ONE', 'UP-D-TWO', 'UP-AC-001-B0002']) {
      const filter = await subtreeFilter(NATIONAL_ADMIN, 'org:read', under, locate, '_id');
      const res = await org.http().get(`/coverage?under=${under}`).set('Authorization', ADMIN).expect(200);
      expect(res.body).toEqual({ under, ...(await formerCoverage(filter)) });
    }
    const district = await org.http().get('/coverage?under=UP-D-ONE').set('Authorization', ADMIN).expect(200);
    // Booth one: 7 volunteers counted up to its target of 5; booth two: 2 of 7 on its committee.
    expect(district.body).toMatchObject({
      booths: 2,
      committeesFormed: 1,
      volunteers: 6,
      volunteerTarget: 10,
      boothsWithWhatsapp: 1,
      whatsappGroups: 2,
      whatsappMembers: 150,
    });
    expect(
      secondaryIndexesUsed(
        await areas()
          .aggregate(
            coveragePipeline(await subtreeFilter(NATIONAL_ADMIN, 'org:read', 'UP-D-ONE', locate, '_id')),
          )
          .explain(),
      ).length,
    ).toBeGreaterThan(0);
  });

  /** The coverage as the repository computed it before: every booth read, its domain coverage folded here. */
  async function formerCoverage(filter: Record<string, unknown>): Promise<Record<string, number>> {
    const c = {
      booths: 0,
      committeesFormed: 0,
      volunteers: 0,
      volunteerTarget: 0,
      boothsWithWhatsapp: 0,
      whatsappGroups: 0,
      whatsappMembers: 0,
    };
    for (const doc of await areas()
      .find({ ...filter, level: 'booth' })
      .toArray()) {
      const state = Object.fromEntries(
        Object.entries((doc.booth ?? {}) as Partial<BoothProps>).filter(
          ([, v]) => v !== undefined && v !== null,
        ),
      );
      const b = Booth.of({ boothId: String(doc._id), ancestors: [], lokSabhaId: null, ...state }).coverage;
      c.booths++;
      if (b.committeeFormed) c.committeesFormed++;
      c.volunteers += Math.min(b.volunteerCount, b.volunteerTarget);
      c.volunteerTarget += b.volunteerTarget;
      if (b.whatsappGroupCount > 0) c.boothsWithWhatsapp++;
      c.whatsappGroups += b.whatsappGroupCount;
      c.whatsappMembers += b.whatsappMemberCount;
    }
    const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
    return {
      ...c,
      committeeCoverage: ratio(c.committeesFormed, c.booths),
      volunteerCoverage: ratio(c.volunteers, c.volunteerTarget),
    };
  }
});
