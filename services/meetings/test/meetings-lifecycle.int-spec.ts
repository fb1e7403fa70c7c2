import type { EventEnvelope } from '@sangathan/contracts';
import { TopicProbe, waitFor } from '@sangathan/testing';
import request from 'supertest';
import {
  AGRA_PRESIDENT,
  ANALYST,
  inMinutes,
  LKO_INCHARGE,
  LKO_PRESIDENT,
  startMeetings,
  STATE_LEADER,
  type Harness,
} from './support/harness';

describe('meetings lifecycle (real Kafka + FerretDB)', () => {
  let h: Harness;
  let probe: TopicProbe;
  const server = () => request(h.app.getHttpServer());

  beforeAll(async () => {
    h = await startMeetings('mtg-life');
    probe = await new TopicProbe(`${h.topicPrefix}meetings.meeting.events`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await h?.close();
  });

  const events = (meetingId: string) =>
    probe.messages
      .map((m) => ({ key: m.key, event: JSON.parse(m.value) as EventEnvelope<Record<string, unknown>> }))
      .filter((m) => m.key === meetingId);

  function schedule(body: Record<string, unknown>, principal = LKO_PRESIDENT) {
    return server()
      .post('/meetings')
      .set('Authorization', h.auth(principal))
      .send({
        kind: 'daily-small',
        title: 'Booth workers',
        areaId: 'AC-173',
        scheduledStart: inMinutes(-60),
        scheduledEnd: inMinutes(-10),
        ...body,
      });
  }

  it('schedules, holds with named + headcount attendance and publishes scheduled then held, keyed by meeting id', async () => {
    const created = await schedule({ expectedMemberIds: ['w-1', 'w-2', 'w-3'] }).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'scheduled',
      areaId: 'AC-173',
      ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO'],
      organiserId: 'dp-lko',
      expectedAttendeeCount: 3,
    });

    const held = await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        start: inMinutes(-55),
        end: inMinutes(-12),
        attendees: [
          { memberId: 'w-1', areaId: 'M-1' },
          { memberId: 'w-2', areaId: 'AC-173' },
        ],
        headcount: 14,
      })
      .expect(200);
    expect(held.body).toMatchObject({ status: 'held', namedCount: 2, totalAttendance: 16 });

    const published = await waitFor(() => (events(id).length >= 2 ? events(id) : undefined), {
      what: 'scheduled + held events',
    });
    expect(published.map((p) => p.event.type)).toEqual([
      'meetings.meeting.scheduled',
      'meetings.meeting.held',
    ]);
    expect(published[1].event.payload).toMatchObject({
      meetingId: id,
      namedCount: 2,
      headcount: 14,
      totalAttendance: 16,
      organiserId: 'dp-lko',
      areaId: 'AC-173',
      photoCount: 0,
    });
    expect(published[1].event.areaPath).toEqual(['IN', 'UP', 'Z-LKO', 'D-LKO']);
  });

  it('answers a second "held" with 409 and leaves the first record as it was', async () => {
    const id = (await schedule({}).expect(201)).body.id as string;
    const body = { start: inMinutes(-50), end: inMinutes(-20), headcount: 5 };
    await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send(body)
      .expect(200);
    const second = await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ ...body, headcount: 99 })
      .expect(409);
    expect(second.body.error.code).toBe('MEETING_ALREADY_HELD');
    const after = await server()
      .get(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(after.body.headcount).toBe(5);
  });

  it('refuses to hold a cancelled meeting (409) and to cancel it twice', async () => {
    const id = (await schedule({ scheduledStart: inMinutes(60), scheduledEnd: inMinutes(120) }).expect(201))
      .body.id as string;
    await server()
      .post(`/meetings/${id}/cancel`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ reason: 'rain' })
      .expect(200);
    const held = await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ start: inMinutes(-5), end: inMinutes(-1) })
      .expect(409);
    expect(held.body.error.code).toBe('MEETING_CANCELLED');
    const again = await server()
      .post(`/meetings/${id}/cancel`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ reason: 'again' })
      .expect(409);
    expect(again.body.error.code).toBe('MEETING_ALREADY_CANCELLED');
    const published = await waitFor(() => (events(id).length >= 2 ? events(id) : undefined), {
      what: 'cancelled event',
    });
    expect(published.map((p) => p.event.type)).toEqual([
      'meetings.meeting.scheduled',
      'meetings.meeting.cancelled',
    ]);
  });

  it('rejects end before start with a 400 naming the field, and stores nothing', async () => {
    const before = await h.db.collection('meetings').countDocuments({});
    const res = await schedule({ scheduledStart: inMinutes(120), scheduledEnd: inMinutes(60) }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'END_BEFORE_START', details: [{ field: 'scheduledEnd' }] });
    expect(await h.db.collection('meetings').countDocuments({})).toBe(before);
  });

  it('refuses a meeting in an area outside the caller’s scope (403) and an unknown area (400)', async () => {
    const outside = await schedule({ areaId: 'D-AGRA' }, LKO_PRESIDENT).expect(403);
    expect(outside.body.error.code).toBe('OUT_OF_SCOPE');
    const unknown = await schedule({ areaId: 'D-NOWHERE' }).expect(400);
    expect(unknown.body.error.code).toBe('UNKNOWN_AREA');
    await schedule({}, ANALYST).expect(403);
  });

  it('refuses an attendee from outside the meeting’s area and writes nothing', async () => {
    const id = (await schedule({}).expect(201)).body.id as string;
    const res = await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        start: inMinutes(-50),
        end: inMinutes(-20),
        attendees: [
          { memberId: 'w-1', areaId: 'M-1' },
          { memberId: 'x-9', areaId: 'D-AGRA' },
        ],
      })
      .expect(400);
    expect(res.body.error.code).toBe('ATTENDEE_OUTSIDE_AREA');
    expect(res.body.error.details[0].message).toContain('x-9');
    const after = await server()
      .get(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(after.body).toMatchObject({ status: 'scheduled', namedCount: 0 });
  });

  it('reschedules a scheduled meeting and publishes the previous and new times', async () => {
    const id = (await schedule({ scheduledStart: inMinutes(60), scheduledEnd: inMinutes(120) }).expect(201))
      .body.id as string;
    const newStart = inMinutes(180);
    await server()
      .patch(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ scheduledStart: newStart, scheduledEnd: inMinutes(240), agenda: 'voter lists' })
      .expect(200);
    const published = await waitFor(() => (events(id).length >= 2 ? events(id) : undefined), {
      what: 'rescheduled event',
    });
    expect(published[1].event).toMatchObject({
      type: 'meetings.meeting.rescheduled',
      payload: { scheduledStart: newStart },
    });
  });

  it('replays the first response for a repeated Idempotency-Key instead of scheduling twice', async () => {
    const key = `sched-${Date.now()}`;
    const body = {
      kind: 'review',
      title: 'Weekly review',
      areaId: 'D-LKO',
      scheduledStart: inMinutes(30),
      scheduledEnd: inMinutes(90),
    };
    const first = await server()
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const second = await server()
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(await h.db.collection('meetings').countDocuments({ title: 'Weekly review' })).toBe(1);
  });

  it('lists by subtree, kind and status with a cursor, and only inside the caller’s scope', async () => {
    for (let i = 0; i < 3; i++)
      await schedule({
        kind: 'cadre-camp',
        title: `camp ${i}`,
        scheduledStart: inMinutes(600 + i),
        scheduledEnd: inMinutes(700 + i),
      }).expect(201);
    await schedule(
      {
        kind: 'cadre-camp',
        title: 'agra camp',
        areaId: 'D-AGRA',
        scheduledStart: inMinutes(600),
        scheduledEnd: inMinutes(700),
      },
      AGRA_PRESIDENT,
    ).expect(201);

    const page1 = await server()
      .get('/meetings')
      .query({ areaId: 'D-LKO', kind: 'cadre-camp', status: 'scheduled', limit: 2 })
      .set('Authorization', h.auth(STATE_LEADER))
      .expect(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await server()
      .get('/meetings')
      .query({
        areaId: 'D-LKO',
        kind: 'cadre-camp',
        status: 'scheduled',
        limit: 2,
        cursor: page1.body.nextCursor,
      })
      .set('Authorization', h.auth(STATE_LEADER))
      .expect(200);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    const titles = [...page1.body.items, ...page2.body.items].map((m: { title: string }) => m.title);
    expect(titles).toEqual(['camp 2', 'camp 1', 'camp 0']);

    const agraView = await server()
      .get('/meetings')
      .query({ kind: 'cadre-camp' })
      .set('Authorization', h.auth(AGRA_PRESIDENT))
      .expect(200);
    expect(agraView.body.items.map((m: { title: string }) => m.title)).toEqual(['agra camp']);
    const bad = await server()
      .get('/meetings')
      .query({ cursor: 'not-a-cursor' })
      .set('Authorization', h.auth(STATE_LEADER))
      .expect(400);
    expect(bad.body.error.code).toBe('INVALID_CURSOR');
  });

  it('shows a calendar of an area per IST day', async () => {
    const start = new Date(Date.now() + 3 * 86_400_000);
    await schedule(
      {
        kind: 'booth-committee',
        title: 'calendar item',
        areaId: 'M-1',
        scheduledStart: start.toISOString(),
        scheduledEnd: new Date(start.getTime() + 3600_000).toISOString(),
      },
      LKO_INCHARGE,
    ).expect(201);
    const day = new Date(start.getTime() + 330 * 60_000).toISOString().slice(0, 10);
    const res = await server()
      .get('/calendar')
      .query({ areaId: 'AC-173', from: day, to: day })
      .set('Authorization', h.auth(LKO_INCHARGE))
      .expect(200);
    expect(res.body.days).toHaveLength(1);
    expect(res.body.days[0].meetings.map((m: { title: string }) => m.title)).toContain('calendar item');
  });

  it('describes its API in OpenAPI at /docs, photo upload as multipart', async () => {
    const res = await server().get('/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/meetings',
        '/meetings/{id}/held',
        '/meetings/{id}/photos',
        '/calendar',
        '/quotas/compliance',
        '/vc-rooms',
      ]),
    );
    expect(Object.keys(res.body.paths['/meetings/{id}/photos'].post.requestBody.content)).toEqual([
      'multipart/form-data',
    ]);
  });
});
