import { createEvent, MeetingAttendanceRecordedV1, TaskProgressedV1 } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import { bearer, produceRaw, type TopicProbe, waitFor } from '@sangathan/testing';
import { ADMIN, districtPresident, OrgHarness } from './org-harness';

describe('members, positions with history, and activity', () => {
  const org = new OrgHarness('org-members');
  let memberEvents: TopicProbe;

  beforeAll(async () => {
    await org.start();
    memberEvents = await org.probe('org.member.events');
    await org.seedTree();
  });
  afterAll(() => org.stop());

  it('registers a member with the phone normalised to E.164 and publishes org.member.joined without the phone', async () => {
    const res = await org
      .http()
      .post('/members')
      .set('Authorization', ADMIN)
      .send({ phone: '098765 43210', name: 'सुनीता वर्मा', nameAlt: 'Sunita Verma', areaId: 'up-ac-001-b0001' })
      .expect(201);
    expect(res.body).toMatchObject({
      phone: '+919876543210',
      status: 'active',
      areaId: 'UP-AC-001-B0001',
      ancestors: ['IN', 'UP', 'UP-Z-A', 'UP-D-ONE', 'UP-AC-001', 'UP-AC-001-M01', 'UP-AC-001-M01-S01'],
    });
    const { key, event } = await org.published(
      memberEvents,
      'org.member.joined',
      (p) => p.memberId === res.body.id,
    );
    expect(key).toBe(res.body.id);
    expect(JSON.stringify(event)).not.toContain('9876543210');
  });

  it.each([
    [
      'a duplicate phone in another format',
      { phone: '+91-98765-43210', name: 'Other', areaId: 'UP-AC-001-B0001' },
      409,
      'PHONE_TAKEN',
      'phone',
    ],
    [
      'a phone that is not a mobile number',
      { phone: '12345', name: 'Other', areaId: 'UP-AC-001-B0001' },
      400,
      'INVALID_PHONE',
      'phone',
    ],
    [
      'an unknown home area',
      { phone: '9000000001', name: 'Other', areaId: 'NOWHERE' },
      400,
      'UNKNOWN_AREA',
      'areaId',
    ],
    [
      'a name without letters',
      { phone: '9000000002', name: '1234', areaId: 'UP-AC-001-B0001' },
      400,
      'INVALID_NAME',
      'name',
    ],
  ])('refuses %s', async (_what, body, status, code, field) => {
    const res = await org.http().post('/members').set('Authorization', ADMIN).send(body).expect(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details[0].field).toBe(field);
  });

  it('finds members by Hindi or English name prefix', async () => {
    await org.member('UP-AC-002-B0001', '9000000011', 'Śrī Rām Pāl', 'श्री राम पाल');
    const latin = await org
      .http()
      .get('/members?under=UP&q=sri%20ram')
      .set('Authorization', ADMIN)
      .expect(200);
    expect(latin.body.items.map((m: { name: string }) => m.name)).toEqual(['Śrī Rām Pāl']);
    const hindi = await org
      .http()
      .get(`/members?under=UP&q=${encodeURIComponent('सुनी')}`)
      .set('Authorization', ADMIN)
      .expect(200);
    expect(hindi.body.items.map((m: { nameAlt: string }) => m.nameAlt)).toEqual(['Sunita Verma']);
  });

  it('assigns a held position to someone else, vacating the previous holder with history and both events', async () => {
    const first = await org.member('UP-AC-001-B0002', '9000000021', 'Ajay Singh', null);
    const second = await org.member('UP-AC-001-B0001', '9000000022', 'Rekha Pal', null);
    await org
      .http()
      .put('/positions/district-president/UP-D-ONE')
      .set('Authorization', ADMIN)
      .send({ memberId: first })
      .expect(200);
    const res = await org
      .http()
      .put('/positions/district-president/UP-D-ONE')
      .set('Authorization', ADMIN)
      .send({ memberId: second })
      .expect(200);
    expect(res.body).toMatchObject({ id: 'district-president:UP-D-ONE', holderId: second });
    expect(res.body.history).toEqual([expect.objectContaining({ memberId: first, reason: 'replaced' })]);

    const vacated = await org.published(memberEvents, 'org.position.vacated', (p) => p.memberId === first);
    expect(vacated.key).toBe(first);
    expect(vacated.event.payload).toMatchObject({
      reason: 'replaced',
      successorId: second,
      positionId: 'district-president:UP-D-ONE',
    });
    const assigned = await org.published(memberEvents, 'org.position.assigned', (p) => p.memberId === second);
    expect(assigned.event.payload).toMatchObject({ previousHolderId: first, itTeam: null });

    const member = await org.http().get(`/members/${second}`).set('Authorization', ADMIN).expect(200);
    expect(member.body.positions.map((p: { id: string }) => p.id)).toEqual(['district-president:UP-D-ONE']);
  });

  it('refuses a position for the wrong area type and a holder from outside the area', async () => {
    const someone = await org.member('UP-AC-002-B0002', '9000000031', 'Manoj Kumar', null);
    const wrongType = await org
      .http()
      .put('/positions/district-president/UP-AC-001')
      .set('Authorization', ADMIN)
      .send({ memberId: someone })
      .expect(400);
    expect(wrongType.body.error).toMatchObject({
      code: 'POSITION_LEVEL_MISMATCH',
      details: [{ field: 'type' }],
    });
    const outside = await org
      .http()
      .put('/positions/assembly-incharge/UP-AC-001')
      .set('Authorization', ADMIN)
      .send({ memberId: someone })
      .expect(400);
    expect(outside.body.error.details[0].field).toBe('memberId');
    await org
      .http()
      .put('/positions/no-such-role/UP-AC-001')
      .set('Authorization', ADMIN)
      .send({ memberId: someone })
      .expect(400);
  });

  it('keeps the central IT team apart from the state team', async () => {
    const techie = await org.member('UP-AC-001-B0001', '9000000041', 'Priya Gupta', null);
    const central = await org
      .http()
      .put('/positions/it-cell-central-member/IN')
      .set('Authorization', ADMIN)
      .send({ memberId: techie })
      .expect(200);
    expect(central.body.itTeam).toBe('central');
    const state = await org
      .http()
      .put('/positions/it-cell-state-head/UP')
      .set('Authorization', ADMIN)
      .send({ memberId: techie })
      .expect(200);
    expect(state.body.itTeam).toBe('state');
    await org
      .http()
      .put('/positions/it-cell-state-head/IN')
      .set('Authorization', ADMIN)
      .send({ memberId: techie })
      .expect(400);
  });

  it('deactivates a member (vacating their positions) and reactivates them, with status history', async () => {
    const holder = await org.member('UP-AC-002-B0001', '9000000051', 'Geeta Devi', null);
    await org
      .http()
      .put('/positions/assembly-incharge/UP-AC-002')
      .set('Authorization', ADMIN)
      .send({ memberId: holder })
      .expect(200);
    await org
      .http()
      .post(`/members/${holder}/deactivate`)
      .set('Authorization', ADMIN)
      .send({ status: 'replaced' })
      .expect(400);
    await org
      .http()
      .post(`/members/${holder}/deactivate`)
      .set('Authorization', ADMIN)
      .send({ reason: 'not working' })
      .expect(200);
    const position = await org
      .http()
      .get('/positions/assembly-incharge/UP-AC-002')
      .set('Authorization', ADMIN)
      .expect(200);
    expect(position.body.holderId).toBeNull();
    expect(position.body.history[0]).toMatchObject({ memberId: holder, reason: 'deactivated' });
    await org.published(memberEvents, 'org.member.deactivated', (p) => p.memberId === holder);

    await org
      .http()
      .put('/positions/assembly-incharge/UP-AC-002')
      .set('Authorization', ADMIN)
      .send({ memberId: holder })
      .expect(409);
    const back = await org
      .http()
      .post(`/members/${holder}/reactivate`)
      .set('Authorization', ADMIN)
      .send({})
      .expect(200);
    expect(back.body.statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'active',
      'inactive',
      'active',
    ]);
    await org.published(memberEvents, 'org.member.reactivated', (p) => p.memberId === holder);
  });

  it('keeps lastActiveAt from task progress and meeting attendance events, and lists who has been inactive', async () => {
    const busy = await org.member('UP-AC-002-B0002', '9000000061', 'Dinesh Maurya', null);
    const idle = await org.member('UP-AC-002-B0002', '9000000062', 'Meena Saroj', null);
    // Both joined "long ago", so without activity both would count as inactive.
    await org
      .db()
      .collection('members')
      .updateMany(
        { _id: { $in: [busy, idle] } as never },
        { $set: { joinedAt: new Date(Date.now() - 30 * 86400_000) } },
      );

    const context = {
      producer: 'meetings',
      areaId: 'UP-AC-002',
      areaPath: ['IN', 'UP'],
      actorId: null,
      correlationId: 'test',
    };
    const attended = createEvent(
      MeetingAttendanceRecordedV1,
      {
        meetingId: uuidv7(),
        kind: 'booth-committee',
        areaId: 'UP-AC-002',
        ancestors: ['IN', 'UP'],
        organiserId: 'someone',
        addedMemberIds: [busy],
        method: 'organiser',
        namedCount: 1,
        headcount: 0,
        totalAttendance: 1,
        districtId: null,
        recordedAt: new Date(Date.now() - 3600_000).toISOString(),
      } as never,
      context,
    );
    await produceRaw(`${org.isolation.topicPrefix}${MeetingAttendanceRecordedV1.topic}`, [
      { key: 'm', value: JSON.stringify(attended) },
    ]);
    const seen = await waitFor(
      async () => {
        const res = await org.http().get(`/members/${busy}`).set('Authorization', ADMIN);
        return res.body.lastActiveAt ? res.body.lastActiveAt : undefined;
      },
      { what: 'lastActiveAt from meeting attendance', timeoutMs: 40_000 },
    );
    expect(Date.parse(seen)).toBeCloseTo(Date.now() - 3600_000, -5);

    // An older event does not move it back.
    const older = createEvent(
      TaskProgressedV1,
      {
        taskId: uuidv7(),
        title: 't',
        areaId: 'UP-AC-002',
        ancestors: [],
        positionId: null,
        positionType: null,
        assigneeMemberId: busy,
        assignedBy: null,
        dueAt: new Date().toISOString(),
        reviewEveryDays: 7,
        nextReviewAt: new Date().toISOString(),
        status: 'open',
        progressPercent: 10,
        memberId: busy,
        note: '',
      },
      { ...context, producer: 'org', occurredAt: new Date(Date.now() - 5 * 86400_000) },
    );
    await produceRaw(`${org.isolation.topicPrefix}${TaskProgressedV1.topic}`, [
      { key: 't', value: JSON.stringify(older) },
    ]);

    const inactive = await org
      .http()
      .get('/members?under=UP-AC-002&inactiveDays=14&limit=100')
      .set('Authorization', ADMIN)
      .expect(200);
    const ids = inactive.body.items.map((m: { id: string }) => m.id);
    expect(ids).toContain(idle);
    expect(ids).not.toContain(busy);
    const after = await org.http().get(`/members/${busy}`).set('Authorization', ADMIN);
    expect(after.body.lastActiveAt).toBe(seen);
  });

  it('lets a district president see and manage only members of their district', async () => {
    const other = await org.member('UP-AC-002-B0001', '9000000071', 'Farzana Ansari', null);
    const own = districtPresident('UP-D-ONE');
    await org.http().get(`/members/${other}`).set('Authorization', own).expect(403);
    await org
      .http()
      .patch(`/members/${other}`)
      .set('Authorization', own)
      .send({ name: 'Changed' })
      .expect(403);
    await org
      .http()
      .post('/members')
      .set('Authorization', own)
      .send({ phone: '9000000072', name: 'X', areaId: 'UP-AC-002-B0001' })
      .expect(403);
    await org
      .http()
      .put('/positions/assembly-incharge/UP-AC-002')
      .set('Authorization', own)
      .send({ memberId: other })
      .expect(403);
    const list = await org.http().get('/members?limit=500').set('Authorization', own).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((m: { ancestors: string[] }) => m.ancestors.includes('UP-D-ONE'))).toBe(
      true,
    );
    const worker = bearer({
      sub: 'w',
      roles: ['booth-worker'],
      areaId: 'UP-AC-001-B0001',
      areaPath: ['IN', 'UP', 'UP-Z-A', 'UP-D-ONE', 'UP-AC-001', 'UP-AC-001-M01', 'UP-AC-001-M01-S01'],
    });
    await org
      .http()
      .post('/members')
      .set('Authorization', worker)
      .send({ phone: '9000000073', name: 'Y', areaId: 'UP-AC-001-B0001' })
      .expect(403);
  });
});
