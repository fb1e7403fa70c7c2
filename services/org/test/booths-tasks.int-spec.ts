import { bearer, OpenApiResponses, type OpenApiDocument, type TopicProbe } from '@sangathan/testing';
import { ADMIN, districtPresident, OrgHarness } from './org-harness';

describe('booth committees, volunteers, coverage and tasks', () => {
  const org = new OrgHarness('org-booths');
  let boothEvents: TopicProbe;
  let taskEvents: TopicProbe;
  const people: string[] = [];

  beforeAll(async () => {
    await org.start();
    [boothEvents, taskEvents] = await Promise.all([
      org.probe('org.booth.events'),
      org.probe('org.task.events'),
    ]);
    await org.seedTree();
    for (let i = 0; i < 8; i++)
      people.push(
        await org.member('UP-AC-001-B0001', `98100000${String(i).padStart(2, '0')}`, `Worker ${i}`, null),
      );
  });
  afterAll(() => org.stop());

  it('announces a committee formed when it reaches its required size, and changed otherwise', async () => {
    const partial = await org
      .http()
      .put('/booths/UP-AC-001-B0001/committee')
      .set('Authorization', ADMIN)
      .send({ memberIds: people.slice(0, 2), requiredSize: 3 })
      .expect(200);
    expect(partial.body).toMatchObject({ committeeFormed: false, committeeSize: 2, committeeRequired: 3 });
    await org.published(boothEvents, 'org.booth-committee.changed', (p) => p.boothId === 'UP-AC-001-B0001');

    const formed = await org
      .http()
      .put('/booths/UP-AC-001-B0001/committee')
      .set('Authorization', ADMIN)
      .send({ memberIds: people.slice(0, 3) })
      .expect(200);
    expect(formed.body.committeeFormed).toBe(true);
    const { key, event } = await org.published(boothEvents, 'org.booth-committee.formed');
    expect(key).toBe('UP-AC-001-B0001');
    expect(event.payload).toMatchObject({ committeeSize: 3, committeeRequired: 3, lokSabhaId: 'UP-LS-01' });
  });

  it('refuses committee members who do not exist or live outside the assembly seat, naming each', async () => {
    const outsider = await org.member('UP-AC-002-B0001', '9810000099', 'Outsider', null);
    const res = await org
      .http()
      .put('/booths/UP-AC-001-B0002/committee')
      .set('Authorization', ADMIN)
      .send({ memberIds: [people[0], 'ghost', outsider] })
      .expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'memberIds[1]',
      'memberIds[2]',
    ]);
    await org
      .http()
      .put('/booths/UP-AC-001-M01/committee')
      .set('Authorization', ADMIN)
      .send({ memberIds: [] })
      .expect(400);
    const booth = await org.http().get('/booths/UP-AC-001-B0002').set('Authorization', ADMIN).expect(200);
    expect(booth.body.committeeMemberIds).toEqual([]);
  });

  it('adds and removes volunteers with events, idempotently', async () => {
    for (const id of people.slice(3, 8)) {
      await org
        .http()
        .post('/booths/UP-AC-001-B0001/volunteers')
        .set('Authorization', ADMIN)
        .send({ memberId: id })
        .expect(200);
    }
    const again = await org
      .http()
      .post('/booths/UP-AC-001-B0001/volunteers')
      .set('Authorization', ADMIN)
      .send({ memberId: people[3] })
      .expect(200);
    expect(again.body.volunteerCount).toBe(5);
    const removed = await org
      .http()
      .delete(`/booths/UP-AC-001-B0001/volunteers/${people[7]}`)
      .set('Authorization', ADMIN)
      .expect(200);
    expect(removed.body.volunteerCount).toBe(4);
    await org.published(boothEvents, 'org.volunteer.added', (p) => p.memberId === people[3]);
    const gone = await org.published(boothEvents, 'org.volunteer.removed', (p) => p.memberId === people[7]);
    expect(gone.event.payload.volunteerCount).toBe(4);
  });

  it('records WhatsApp groups and reports coverage for any subtree', async () => {
    await org
      .http()
      .put('/booths/UP-AC-001-B0001/whatsapp-groups')
      .set('Authorization', ADMIN)
      .send({
        groups: [
          { name: 'बूथ 1 परिवार', inviteLink: 'https://chat.whatsapp.com/AbCdEf', memberCount: 180 },
          { name: 'Booth 1 youth', memberCount: 60 },
        ],
      })
      .expect(200);
    await org
      .http()
      .put('/booths/UP-AC-001-B0002/whatsapp-groups')
      .set('Authorization', ADMIN)
      .send({ groups: [{ name: 'x', inviteLink: 'https://evil.example/x', memberCount: 1 }] })
      .expect(400);

    const district = await org.http().get('/coverage?under=UP-D-ONE').set('Authorization', ADMIN).expect(200);
    expect(district.body).toMatchObject({
      booths: 2,
      committeesFormed: 1,
      committeeCoverage: 0.5,
      volunteers: 4,
      volunteerTarget: 10,
      volunteerCoverage: 0.4,
      boothsWithWhatsapp: 1,
      whatsappGroups: 2,
      whatsappMembers: 240,
    });
    const state = await org.http().get('/coverage?under=UP').set('Authorization', ADMIN).expect(200);
    expect(state.body).toMatchObject({ booths: 4, committeesFormed: 1, committeeCoverage: 0.25 });
    const contract = await OpenApiResponses.of(
      (await org.http().get('/docs/openapi.json').expect(200)).body as OpenApiDocument,
    );
    expect([
      ...contract.problems('get', '/coverage', district),
      ...contract.problems('get', '/coverage', state),
    ]).toEqual([]);
    await org
      .http()
      .get('/coverage?under=UP-D-TWO')
      .set('Authorization', districtPresident('UP-D-ONE'))
      .expect(403);
  });

  describe('tasks', () => {
    let taskId: string;
    let holder: string;

    beforeAll(async () => {
      holder = people[0];
      await org
        .http()
        .put('/positions/assembly-incharge/UP-AC-001')
        .set('Authorization', ADMIN)
        .send({ memberId: holder })
        .expect(200);
    });

    it('assigns a task to a position with a review cadence and publishes org.task.assigned', async () => {
      const res = await org
        .http()
        .post('/tasks')
        .set('Authorization', districtPresident('UP-D-ONE', 'leader-1'))
        .send({
          title: 'बूथ समितियाँ पूरी करें',
          areaId: 'UP-AC-001',
          positionType: 'assembly-incharge',
          dueAt: new Date(Date.now() + 10 * 86400_000).toISOString(),
          reviewEveryDays: 5,
        })
        .expect(201);
      taskId = res.body.id;
      expect(res.body).toMatchObject({
        assigneeMemberId: holder,
        positionId: 'assembly-incharge:UP-AC-001',
        reviewEveryDays: 5,
        status: 'open',
      });
      const { key } = await org.published(taskEvents, 'org.task.assigned', (p) => p.taskId === taskId);
      expect(key).toBe(taskId);
    });

    it.each([
      ['a cadence of 10 days', { reviewEveryDays: 10 }, 'reviewEveryDays'],
      ['a due date in the past', { dueAt: '2020-01-01T00:00:00Z' }, 'dueAt'],
      ['a position that does not exist there', { positionType: 'district-president' }, 'positionType'],
    ])('refuses %s', async (_what, override, field) => {
      const body = {
        title: 'x',
        areaId: 'UP-AC-001',
        dueAt: new Date(Date.now() + 86400_000).toISOString(),
        ...override,
      };
      const res = await org.http().post('/tasks').set('Authorization', ADMIN).send(body).expect(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('takes progress from the holder, reviews from a leader, and refuses others', async () => {
      const holderAuth = bearer({
        sub: holder,
        roles: ['booth-worker'],
        areaId: 'UP-AC-001-B0001',
        areaPath: ['IN', 'UP', 'UP-Z-A', 'UP-D-ONE', 'UP-AC-001', 'UP-AC-001-M01', 'UP-AC-001-M01-S01'],
      });
      const stranger = bearer({
        sub: people[1],
        roles: ['booth-worker'],
        areaId: 'UP-AC-001-B0001',
        areaPath: ['IN', 'UP', 'UP-Z-A', 'UP-D-ONE', 'UP-AC-001', 'UP-AC-001-M01', 'UP-AC-001-M01-S01'],
      });
      const progressed = await org
        .http()
        .post(`/tasks/${taskId}/progress`)
        .set('Authorization', holderAuth)
        .send({ percent: 40, note: 'आधा काम हुआ' })
        .expect(200);
      expect(progressed.body.progressPercent).toBe(40);
      await org
        .http()
        .post(`/tasks/${taskId}/progress`)
        .set('Authorization', stranger)
        .send({ percent: 90 })
        .expect(403);
      const { event } = await org.published(taskEvents, 'org.task.progressed', (p) => p.taskId === taskId);
      expect(event.payload).toMatchObject({ memberId: holder, progressPercent: 40 });

      await org
        .http()
        .post(`/tasks/${taskId}/reviews`)
        .set('Authorization', holderAuth)
        .send({ verdict: 'on-track' })
        .expect(403);
      const reviewed = await org
        .http()
        .post(`/tasks/${taskId}/reviews`)
        .set('Authorization', districtPresident('UP-D-ONE', 'leader-1'))
        .send({ verdict: 'at-risk', note: 'speed up' })
        .expect(200);
      expect(Date.parse(reviewed.body.nextReviewAt)).toBeGreaterThan(Date.now() + 4.9 * 86400_000);
      await org.published(
        taskEvents,
        'org.task.reviewed',
        (p) => p.taskId === taskId && p.verdict === 'at-risk',
      );
    });

    it('lists overdue and unreviewed tasks of a subtree and announces overdue ones once', async () => {
      const late = await org
        .http()
        .post('/tasks')
        .set('Authorization', ADMIN)
        .send({
          title: 'Late one',
          areaId: 'UP-AC-001-M01',
          dueAt: new Date(Date.now() + 86400_000).toISOString(),
        })
        .expect(201);
      // Let it fall behind: due and review dates in the past.
      await org
        .db()
        .collection('tasks')
        .updateOne(
          { _id: late.body.id },
          {
            $set: { dueAt: new Date(Date.now() - 86400_000), nextReviewAt: new Date(Date.now() - 3600_000) },
          },
        );

      const overdue = await org
        .http()
        .get('/tasks?under=UP-D-ONE&overdue=true')
        .set('Authorization', ADMIN)
        .expect(200);
      expect(overdue.body.items.map((t: { id: string }) => t.id)).toEqual([late.body.id]);
      const unreviewed = await org
        .http()
        .get('/tasks?under=UP-D-ONE&unreviewed=true')
        .set('Authorization', ADMIN)
        .expect(200);
      expect(unreviewed.body.items.map((t: { id: string }) => t.id)).toEqual([late.body.id]);
      await org
        .http()
        .get('/tasks?under=UP-D-ONE&overdue=true')
        .set('Authorization', districtPresident('UP-D-TWO'))
        .expect(403);

      const sweep = await org
        .http()
        .post('/tasks/overdue-sweep?under=UP')
        .set('Authorization', ADMIN)
        .expect(200);
      expect(sweep.body.announced).toBe(1);
      const again = await org
        .http()
        .post('/tasks/overdue-sweep?under=UP')
        .set('Authorization', ADMIN)
        .expect(200);
      expect(again.body.announced).toBe(0);
      await org.published(taskEvents, 'org.task.overdue', (p) => p.taskId === late.body.id);
    });

    it('completes a task, flags it late or not, and refuses further progress', async () => {
      const done = await org.http().post(`/tasks/${taskId}/complete`).set('Authorization', ADMIN).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', progressPercent: 100 });
      const { event } = await org.published(taskEvents, 'org.task.completed', (p) => p.taskId === taskId);
      expect(event.payload.late).toBe(false);
      const closed = await org
        .http()
        .post(`/tasks/${taskId}/progress`)
        .set('Authorization', ADMIN)
        .send({ percent: 10 })
        .expect(409);
      expect(closed.body.error.code).toBe('TASK_CLOSED');
    });
  });
});
