import {
  AGRA_PRESIDENT,
  inMinutes,
  LKO_PRESIDENT,
  startMeetings,
  STATE_LEADER,
  type Harness,
} from './support/harness';

/** Ids in a write body are checked like the path's own: known, in the caller's scope, in the meeting's area. */
describe('member and area ids named in meeting writes', () => {
  let h: Harness;
  const count = (filter: Record<string, unknown>) => h.db.collection('meetings').countDocuments(filter);

  beforeAll(async () => {
    h = await startMeetings('mtg-references');
  });

  afterAll(async () => {
    await h?.close();
  });

  const schedule = (body: Record<string, unknown>, principal = LKO_PRESIDENT) =>
    h.http
      .post('/meetings')
      .set('Authorization', h.auth(principal))
      .send({
        kind: 'daily-small',
        title: 'references',
        areaId: 'AC-173',
        scheduledStart: inMinutes(-60),
        scheduledEnd: inMinutes(-10),
        ...body,
      });

  it('refuses another district’s in-charge as organiser (403) and writes nothing', async () => {
    const res = await schedule({ title: 'foreign organiser', organiserId: 'x-9' }).expect(403);

    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    expect(await count({ title: 'foreign organiser' })).toBe(0);
  });

  it('refuses an organiser off the meeting’s line even when the caller reaches both districts', async () => {
    const res = await schedule({ title: 'off-line organiser', organiserId: 'dp-agra' }, STATE_LEADER).expect(
      400,
    );

    expect(res.body.error).toMatchObject({
      code: 'MEMBER_OUTSIDE_AREA',
      details: [{ field: 'organiserId' }],
    });
    expect(await count({ title: 'off-line organiser' })).toBe(0);
  });

  it('refuses an organiser and expected members org never published, naming each, and writes nothing', async () => {
    const res = await schedule({
      title: 'ghosts',
      organiserId: 'no-such-member',
      expectedMemberIds: ['w-1', 'no-such-either'],
    }).expect(400);

    expect(res.body.error.code).toBe('UNKNOWN_MEMBER');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'organiserId',
      'expectedMemberIds.1',
    ]);
    expect(await count({ title: 'ghosts' })).toBe(0);
  });

  it('accepts an organiser and expected members of the meeting’s area', async () => {
    const res = await schedule({
      title: 'own people',
      organiserId: 'inc-lko',
      expectedMemberIds: ['w-1', 'w-2'],
    }).expect(201);

    expect(res.body).toMatchObject({ organiserId: 'inc-lko', expectedAttendeeCount: 2 });
  });

  it('refuses a vc-review linking a district outside the caller’s subtree', async () => {
    const res = await schedule({
      kind: 'vc-review',
      title: 'foreign link',
      areaId: 'D-LKO',
      linkedAreaIds: ['D-AGRA'],
    }).expect(403);

    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    expect(await count({ title: 'foreign link' })).toBe(0);
  });

  it('refuses an attendee org never published, even with an areaId, and records nothing', async () => {
    const id = (await schedule({ title: 'attendee check' }).expect(201)).body.id as string;

    const held = await h.http
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        start: inMinutes(-55),
        end: inMinutes(-12),
        attendees: [{ memberId: 'w-1' }, { memberId: 'no-such-member-1', areaId: 'M-1' }],
        headcount: 3,
      })
      .expect(400);
    const late = await h.http
      .post(`/meetings/${id}/attendance`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ attendees: [{ memberId: 'no-such-member-2', areaId: 'AC-173' }] })
      .expect(400);

    expect([held.body.error.code, late.body.error.code]).toEqual(['INVALID_ATTENDEES', 'INVALID_ATTENDEES']);
    const meeting = await h.http
      .get(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(meeting.body).toMatchObject({ status: 'scheduled', namedCount: 0, headcount: 0 });
  });

  it('refuses a write from another district to this meeting', async () => {
    const id = (await schedule({ title: 'not yours' }).expect(201)).body.id as string;

    await h.http
      .post(`/meetings/${id}/attendance`)
      .set('Authorization', h.auth(AGRA_PRESIDENT))
      .send({ attendees: [{ memberId: 'x-9' }] })
      .expect(403);
  });

  it('answers an oversized body with 413 and an operator in the query string with 400, as every service does', async () => {
    const big = await schedule({ title: 'big', agenda: 'a'.repeat(100 * 1024) }).expect(413);
    const query = await h.http
      .get('/meetings?areaId[$ne]=x')
      .set('Authorization', h.auth(STATE_LEADER))
      .expect(400);

    expect([big.body.error.code, query.body.error.code]).toEqual(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_QUERY']);
    expect(await count({ title: 'big' })).toBe(0);
  });
});
