import { type TopicProbe, waitFor } from '@sangathan/testing';
import { SubtreeRepathRepository } from '../src/modules/areas/infrastructure/subtree-repath.repository';
import { ADMIN, districtPresident, MEMBER_HEADER, OrgHarness } from './org-harness';

/**
 * Subtree lists against the truth (each area's own `ancestors`), after imports, creates, moves and an
 * interrupted move; and the relay publishing from hints alone: this file turns the periodic sweep off.
 */
describe('subtree lists, moves, hinted relay and task cancellation', () => {
  const org = new OrgHarness('org-subtree');
  let areaEvents: TopicProbe;
  let memberEvents: TopicProbe;
  let taskEvents: TopicProbe;
  const sweepBefore = process.env.OUTBOX_SWEEP_INTERVAL_MS;

  /** Every id the API lists under `under` (all pages, `limit` per page). */
  async function listAll(under: string, level?: string, limit = 2): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/areas?under=${under}&limit=${limit}${level ? `&level=${level}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await org.http().get(query).set('Authorization', ADMIN).expect(200);
      ids.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return ids;
  }

  /** What the areas themselves say lies under `under`, in `_id` order. */
  async function truth(under: string, level?: string): Promise<string[]> {
    const docs = await org
      .db()
      .collection('areas')
      .find({ ancestors: under, ...(level ? { level } : {}) }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .toArray();
    return docs.map((d) => String(d._id));
  }

  beforeAll(async () => {
    // Only start-up sweeps: every event below must go out through a hinted notify(collection, ids).
    process.env.OUTBOX_SWEEP_INTERVAL_MS = '3600000';
    await org.start();
    [areaEvents, memberEvents, taskEvents] = await Promise.all([
      org.probe('org.area.events'),
      org.probe('org.member.events'),
      org.probe('org.task.events'),
    ]);
    await org.seedTree();
  });
  afterAll(async () => {
    if (sweepBefore === undefined) delete process.env.OUTBOX_SWEEP_INTERVAL_MS;
    else process.env.OUTBOX_SWEEP_INTERVAL_MS = sweepBefore;
    await org.stop();
  });

  it('lists what the areas say after an import and a create, at every level and through the districts from above', async () => {
    await org
      .http()
      .post('/areas')
      .set('Authorization', ADMIN)
      .send({
        code: 'UP-AC-001-B0003',
        level: 'booth',
        parentId: 'UP-AC-001-M01-S01',
        nameEn: 'Booth three',
        nameHi: 'बूथ तीन',
      })
      .expect(201);
    expect(await listAll('UP-D-ONE', 'booth')).toEqual([
      'UP-AC-001-B0001',
      'UP-AC-001-B0002',
      'UP-AC-001-B0003',
    ]);
    for (const [under, level] of [
      ['UP-D-ONE', undefined],
      ['UP-Z-A', 'booth'],
      ['UP', 'sector'],
      ['UP', 'district'],
      ['IN', undefined],
      ['UP-AC-002-M01', undefined],
    ] as const) {
      expect(await listAll(under, level)).toEqual(await truth(under, level));
    }
    const { key } = await org.published(
      areaEvents,
      'org.area.created',
      (p) => p.areaId === 'UP-AC-001-B0003',
    );
    expect(key).toBe('UP-AC-001-B0003');
  });

  it('follows a move of an assembly seat with its whole subtree, and publishes org.area.moved', async () => {
    const moved = await org
      .http()
      .post('/areas/UP-AC-001/move')
      .set('Authorization', ADMIN)
      .send({ parentId: 'UP-D-TWO' })
      .expect(200);
    expect(moved.body.ancestors).toEqual(['IN', 'UP', 'UP-Z-A', 'UP-D-TWO']);
    expect(await listAll('UP-D-ONE')).toEqual([]);
    expect(await listAll('UP-D-TWO', 'booth')).toEqual(await truth('UP-D-TWO', 'booth'));
    expect(await listAll('UP-D-TWO', 'booth')).toContain('UP-AC-001-B0003');
    expect(await listAll('UP-D-TWO')).toEqual(await truth('UP-D-TWO'));
    const counts = await org.http().get('/areas/UP-D-ONE/counts').set('Authorization', ADMIN).expect(200);
    expect(counts.body.counts).toEqual({});
    const two = await org.http().get('/areas/UP-D-TWO/counts').set('Authorization', ADMIN).expect(200);
    expect(two.body.counts).toEqual({ assembly: 2, mandal: 2, sector: 2, booth: 5 });
    await org.published(areaEvents, 'org.area.moved', (p) => p.areaId === 'UP-AC-001');
  });

  it('finishes at start-up a move interrupted after the area was written', async () => {
    // As if the process died right after saving the moved area with its marker: nothing below it re-pathed.
    const areas = org.db().collection('areas');
    const from = ['IN', 'UP', 'UP-Z-A', 'UP-D-TWO'];
    const to = ['IN', 'UP', 'UP-Z-A', 'UP-D-ONE'];
    await areas.updateOne(
      { _id: 'UP-AC-002' as never },
      { $set: { parentId: 'UP-D-ONE', ancestors: to, repath: { from, to } } },
    );
    await org.app.get(SubtreeRepathRepository).onApplicationBootstrap();
    expect((await areas.findOne({ _id: 'UP-AC-002' as never }))?.repath).toBeUndefined();
    expect(await listAll('UP-D-ONE', 'booth')).toEqual(['UP-AC-002-B0001', 'UP-AC-002-B0002']);
    expect(await listAll('UP-D-ONE')).toEqual(await truth('UP-D-ONE'));
    expect(await listAll('UP-D-TWO')).toEqual(await truth('UP-D-TWO'));
  });

  it('keeps scope on the subtree listing: a district president cannot list another district', async () => {
    const res = await org
      .http()
      .get('/areas?under=UP-D-TWO&level=booth')
      .set('Authorization', districtPresident('UP-D-ONE'))
      .expect(403);
    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    const own = await org
      .http()
      .get('/areas?level=booth')
      .set('Authorization', districtPresident('UP-D-ONE'))
      .expect(200);
    expect(own.body.items.map((a: { id: string }) => a.id)).toEqual(await truth('UP-D-ONE', 'booth'));
  });

  it('publishes the events of a member import through hints, chunk by chunk', async () => {
    const rows = [0, 1, 2].map((i) => ({
      phone: `98200000${i}0`,
      name: `सदस्य ${i}`,
      nameAlt: `Sadasya ${i}`,
      kind: 'worker',
      areaId: 'UP-AC-002-B0001',
    }));
    const res = await org.importCsv('members', MEMBER_HEADER, rows).expect(200);
    expect(res.body.created).toBe(3);
    for (const i of [0, 1, 2])
      await org.published(
        memberEvents,
        'org.member.joined',
        (p) => p.name === `सदस्य ${i}` && p.areaId === 'UP-AC-002-B0001',
      );
  });

  it('cancels an open task for a leader only, once, and publishes org.task.cancelled', async () => {
    const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const task = await org
      .http()
      .post('/tasks')
      .set('Authorization', ADMIN)
      .send({ title: 'बूथ सम्मेलन', areaId: 'UP-AC-002', dueAt })
      .expect(201);
    await org.published(taskEvents, 'org.task.assigned', (p) => p.taskId === task.body.id);

    const outsider = await org
      .http()
      .post(`/tasks/${task.body.id}/cancel`)
      .set('Authorization', districtPresident('UP-D-TWO'))
      .send({})
      .expect(403);
    expect(outsider.body.error.code).toBe('OUT_OF_SCOPE');
    const bad = await org
      .http()
      .post(`/tasks/${task.body.id}/cancel`)
      .set('Authorization', ADMIN)
      .send({ reason: 'x'.repeat(501) })
      .expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('reason');

    const cancelled = await org
      .http()
      .post(`/tasks/${task.body.id}/cancel`)
      .set('Authorization', ADMIN)
      .send({ reason: 'योजना बदली' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'योजना बदली',
      cancelledBy: expect.any(String),
    });
    const again = await org
      .http()
      .post(`/tasks/${task.body.id}/cancel`)
      .set('Authorization', ADMIN)
      .send({})
      .expect(409);
    expect(again.body.error.code).toBe('TASK_CLOSED');
    await org
      .http()
      .post(`/tasks/${task.body.id}/progress`)
      .set('Authorization', ADMIN)
      .send({ percent: 10 })
      .expect(409);
    await org.published(
      taskEvents,
      'org.task.cancelled',
      (p) => p.taskId === task.body.id && p.status === 'cancelled' && p.reason === 'योजना बदली',
    );
    // The relay acknowledges the cancellation's event: nothing left to publish on the task.
    await waitFor(
      async () =>
        ((
          await org
            .db()
            .collection('tasks')
            .findOne({ _id: task.body.id as never })
        )?.outbox?.length ?? -1) === 0,
      { what: 'task outbox drained' },
    );
    const stored = await org
      .db()
      .collection('tasks')
      .findOne({ _id: task.body.id as never });
    expect(stored).toMatchObject({ status: 'cancelled', outbox: [] });
    expect(stored?.outboxDueAt ?? null).toBeNull();
  });
});
