import type { TopicProbe } from '@sangathan/testing';
import { ADMIN, districtPresident, OrgHarness } from './org-harness';

describe('areas: hierarchy, cross-links, moves, search and scope', () => {
  const org = new OrgHarness('org-areas');
  let areaEvents: TopicProbe;

  beforeAll(async () => {
    await org.start();
    areaEvents = await org.probe('org.area.events');
    await org.seedTree();
  });
  afterAll(() => org.stop());

  it('keeps POST /areas and GET /areas/:id working and publishes org.area.created with the Lok Sabha link', async () => {
    const created = await org
      .http()
      .post('/areas')
      .set('Authorization', ADMIN)
      .send({
        code: 'up-ac-003',
        level: 'assembly',
        parentId: 'UP-D-ONE',
        nameEn: 'Seat three',
        nameHi: null,
        lokSabhaId: 'UP-LS-01',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'UP-AC-003',
      ancestors: ['IN', 'UP', 'UP-Z-A', 'UP-D-ONE'],
      lokSabhaId: 'UP-LS-01',
    });

    const got = await org.http().get('/areas/UP-AC-003').set('Authorization', ADMIN).expect(200);
    expect(got.body.parentId).toBe('UP-D-ONE');
    const { key, event } = await org.published(
      areaEvents,
      'org.area.created',
      (p) => p.areaId === 'UP-AC-003',
    );
    expect(key).toBe('UP-AC-003');
    expect(event.payload).toMatchObject({ level: 'assembly', lokSabhaId: 'UP-LS-01' });
  });

  it('inherits the Lok Sabha link down to the booths', async () => {
    const booth = await org.http().get('/areas/UP-AC-002-B0001').set('Authorization', ADMIN).expect(200);
    expect(booth.body.lokSabhaId).toBe('UP-LS-01');
    expect(booth.body.socialComposition).toEqual({ general: 0.2, obc: 0.5, sc: 0.3 });
    const bySeat = await org
      .http()
      .get('/areas?under=UP&lokSabhaId=UP-LS-01&level=booth')
      .set('Authorization', ADMIN)
      .expect(200);
    expect(bySeat.body.items.map((a: { id: string }) => a.id).sort()).toEqual([
      'UP-AC-001-B0001',
      'UP-AC-001-B0002',
      'UP-AC-002-B0001',
      'UP-AC-002-B0002',
    ]);
  });

  it.each([
    [
      'a booth under a district',
      { code: 'X-B', level: 'booth', parentId: 'UP-D-ONE', nameEn: 'Bad booth' },
      400,
      'INVALID_PARENT_LEVEL',
      'parentId',
    ],
    [
      'an unknown parent',
      { code: 'X-M', level: 'mandal', parentId: 'NOPE', nameEn: 'Orphan' },
      404,
      'AREA_NOT_FOUND',
      'id',
    ],
    [
      'a seat class on a district',
      { code: 'X-D', level: 'district', parentId: 'UP-Z-A', nameEn: 'D', seatClass: 'weak' },
      400,
      'NOT_A_SEAT',
      'seatClass',
    ],
    [
      'a Hindi name in Latin script',
      { code: 'X-D2', level: 'district', parentId: 'UP-Z-A', nameEn: 'D', nameHi: 'Lucknow' },
      400,
      'INVALID_NAME',
      'nameHi',
    ],
    [
      'a lone surrogate in a name',
      { code: 'X-D3', level: 'district', parentId: 'UP-Z-A', nameEn: 'Bad \ud800 text' },
      400,
      'INVALID_TEXT',
      'nameEn',
    ],
    [
      'social composition on a district',
      { code: 'X-D4', level: 'district', parentId: 'UP-Z-A', nameEn: 'D', socialComposition: { sc: 0.2 } },
      400,
      'BOOTH_ONLY',
      'socialComposition',
    ],
    [
      'a duplicate code',
      { code: 'UP-D-ONE', level: 'district', parentId: 'UP-Z-A', nameEn: 'Again' },
      409,
      'AREA_EXISTS',
      'code',
    ],
  ])('refuses %s with a clear error naming the field', async (_what, body, status, code, field) => {
    const res = await org.http().post('/areas').set('Authorization', ADMIN).send(body).expect(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('lists a subtree page by page with cursors', async () => {
    const first = await org
      .http()
      .get('/areas?under=UP-D-ONE&limit=3')
      .set('Authorization', ADMIN)
      .expect(200);
    expect(first.body.items).toHaveLength(3);
    const rest = await org
      .http()
      .get(`/areas?under=UP-D-ONE&limit=50&cursor=${first.body.nextCursor}`)
      .set('Authorization', ADMIN)
      .expect(200);
    const ids = [...first.body.items, ...rest.body.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['UP-AC-001', 'UP-AC-001-M01', 'UP-AC-001-B0002']));
    expect(ids).not.toContain('UP-AC-002');
    expect(rest.body.nextCursor).toBeNull();
  });

  it('finds areas by Hindi or English name prefix, ignoring case and diacritics', async () => {
    const english = await org.http().get('/areas?under=IN&q=SRAVAS').set('Authorization', ADMIN).expect(200);
    expect(english.body.items.map((a: { id: string }) => a.id)).toEqual(['UP-D-TWO']);
    const hindi = await org
      .http()
      .get(`/areas?under=IN&q=${encodeURIComponent('लखन')}`)
      .set('Authorization', ADMIN)
      .expect(200);
    expect(hindi.body.items.map((a: { id: string }) => a.id)).toEqual(['UP-D-ONE']);
    const regexChars = await org
      .http()
      .get(`/areas?under=IN&q=${encodeURIComponent('.*')}`)
      .set('Authorization', ADMIN)
      .expect(200);
    expect(regexChars.body.items).toEqual([]);
  });

  it('counts areas per level under a district', async () => {
    const res = await org.http().get('/areas/UP-D-TWO/counts').set('Authorization', ADMIN).expect(200);
    expect(res.body.counts).toEqual({ assembly: 1, mandal: 1, sector: 1, booth: 2 });
  });

  it('reclassifies a seat and publishes the previous class', async () => {
    const res = await org
      .http()
      .put('/areas/UP-LS-01/classification')
      .set('Authorization', ADMIN)
      .send({ seatClass: 'thin-margin', lastMargin: 1200 })
      .expect(200);
    expect(res.body).toMatchObject({ seatClass: 'thin-margin', lastMargin: 1200 });
    const { event } = await org.published(
      areaEvents,
      'org.area.reclassified',
      (p) => p.areaId === 'UP-LS-01',
    );
    expect(event.payload).toMatchObject({
      previousSeatClass: 'lost',
      previousMargin: -64542,
      seatClass: 'thin-margin',
    });
    await org
      .http()
      .put('/areas/UP-D-ONE/classification')
      .set('Authorization', ADMIN)
      .send({ seatClass: 'weak', lastMargin: 1 })
      .expect(400);
  });

  it('updates names and figures, publishing only what changed', async () => {
    await org
      .http()
      .patch('/areas/UP-AC-001-B0002')
      .set('Authorization', ADMIN)
      .send({ voterCount: 1111, nameEn: 'Booth two' })
      .expect(200);
    const { event } = await org.published(
      areaEvents,
      'org.area.updated',
      (p) => p.areaId === 'UP-AC-001-B0002',
    );
    expect(event.payload.changed).toEqual(['nameEn', 'voterCount']);
    expect(event.payload.voterCount).toBe(1111);
  });

  it('moves a mandal with its whole subtree and its members to another assembly seat, and refuses a cycle', async () => {
    const memberId = await org.member('UP-AC-001-B0001', '9811111111');
    const moved = await org
      .http()
      .post('/areas/UP-AC-001-M01/move')
      .set('Authorization', ADMIN)
      .send({ parentId: 'UP-AC-002' })
      .expect(200);
    expect(moved.body.descendantCount).toBe(3);
    const booth = await org.http().get('/areas/UP-AC-001-B0001').set('Authorization', ADMIN).expect(200);
    expect(booth.body.ancestors).toEqual([
      'IN',
      'UP',
      'UP-Z-A',
      'UP-D-TWO',
      'UP-AC-002',
      'UP-AC-001-M01',
      'UP-AC-001-M01-S01',
    ]);
    const member = await org.http().get(`/members/${memberId}`).set('Authorization', ADMIN).expect(200);
    expect(member.body.ancestors).toEqual(booth.body.ancestors.concat([]));
    const { event } = await org.published(areaEvents, 'org.area.moved', (p) => p.areaId === 'UP-AC-001-M01');
    expect(event.payload).toMatchObject({
      previousParentId: 'UP-AC-001',
      parentId: 'UP-AC-002',
      descendantCount: 3,
    });

    const cycle = await org
      .http()
      .post('/areas/UP-AC-001-M01/move')
      .set('Authorization', ADMIN)
      .send({ parentId: 'UP-AC-001-M01-S01' })
      .expect(400);
    expect(cycle.body.error.code).toBe('CYCLE');
    const wrongLevel = await org
      .http()
      .post('/areas/UP-AC-001-M01/move')
      .set('Authorization', ADMIN)
      .send({ parentId: 'UP-D-ONE' })
      .expect(400);
    expect(wrongLevel.body.error.details[0].field).toBe('parentId');
  });

  it('lets a district president read and change only their own district', async () => {
    const own = districtPresident('UP-D-ONE');
    await org.http().get('/areas/UP-AC-001').set('Authorization', own).expect(200);
    const list = await org.http().get('/areas?level=assembly').set('Authorization', own).expect(200);
    expect(list.body.items.every((a: { ancestors: string[] }) => a.ancestors.includes('UP-D-ONE'))).toBe(
      true,
    );

    const read = await org.http().get('/areas/UP-AC-002').set('Authorization', own).expect(403);
    expect(read.body.error.code).toBe('OUT_OF_SCOPE');
    await org.http().get('/areas?under=UP-D-TWO').set('Authorization', own).expect(403);
    await org
      .http()
      .patch('/areas/UP-D-TWO')
      .set('Authorization', own)
      .send({ nameEn: 'Mine now' })
      .expect(403);
    await org
      .http()
      .post('/areas')
      .set('Authorization', own)
      .send({ code: 'UP-AC-009', level: 'assembly', parentId: 'UP-D-TWO', nameEn: 'Sneaky' })
      .expect(403);
    await org
      .http()
      .post('/areas/UP-AC-001/move')
      .set('Authorization', own)
      .send({ parentId: 'UP-D-TWO' })
      .expect(403);
  });
});
