import type { Principal } from '@sangathan/auth';
import { AreaMovedV1, AreaUpdatedV1, createEvent, type EventEnvelope } from '@sangathan/contracts';
import { produceRaw, TopicProbe, waitFor } from '@sangathan/testing';
import request from 'supertest';
import {
  AGRA_PRESIDENT,
  inMinutes,
  LKO_PRESIDENT,
  startMeetings,
  STATE_LEADER,
  type Harness,
} from './support/harness';

const worker = (n: number): Principal => ({
  sub: `bw-${n}`,
  roles: ['booth-worker'],
  areaId: 'M-1',
  areaPath: ['IN', 'UP', 'Z-LKO', 'D-LKO', 'AC-173'],
});
const agraWorker: Principal = {
  sub: 'bw-agra',
  roles: ['booth-worker'],
  areaId: 'D-AGRA',
  areaPath: ['IN', 'UP', 'Z-AGRA'],
};

describe('attendance: QR check-in, late additions, video-conference reviews', () => {
  let h: Harness;
  let probe: TopicProbe;
  const server = () => request(h.app.getHttpServer());

  beforeAll(async () => {
    h = await startMeetings('mtg-att');
    probe = await new TopicProbe(`${h.topicPrefix}meetings.meeting.events`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await h?.close();
  });

  async function runningMeeting(): Promise<string> {
    const res = await server()
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        kind: 'booth-committee',
        title: 'booth committee',
        areaId: 'AC-173',
        scheduledStart: inMinutes(-10),
        scheduledEnd: inMinutes(50),
      })
      .expect(201);
    return res.body.id as string;
  }

  it('checks in 20 attendees scanning the QR code at the same moment, each exactly once', async () => {
    const id = await runningMeeting();
    const qr = await server()
      .post(`/meetings/${id}/qr`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(201);
    expect(qr.body.token).toEqual(expect.any(String));
    const scans = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        server()
          .post(`/meetings/${id}/check-in`)
          .set('Authorization', h.auth(worker(n)))
          .send({ token: qr.body.token }),
      ),
    );
    expect(scans.map((s) => s.status)).toEqual(Array(20).fill(200));
    const repeat = await server()
      .post(`/meetings/${id}/check-in`)
      .set('Authorization', h.auth(worker(3)))
      .send({ token: qr.body.token })
      .expect(200);
    expect(repeat.body.newlyAdded).toBe(false);
    const meeting = await server()
      .get(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(meeting.body.namedCount).toBe(20);
    expect(new Set(meeting.body.attendees.map((a: { memberId: string }) => a.memberId)).size).toBe(20);
    expect(meeting.body.attendees.every((a: { method: string }) => a.method === 'qr')).toBe(true);
    // Each check-in's event goes out once its write lands, in write order (the relay takes a meeting's events as
    // written when its outbox held nothing else, else reads the meeting): counts 1..20 after the scheduled event.
    const events = await waitFor(
      () => {
        const seen = new Set<string>();
        const mine = probe.messages
          .filter((m) => m.key === id)
          .map((m) => JSON.parse(m.value) as EventEnvelope<{ namedCount?: number }>)
          .filter((e) => !seen.has(e.eventId) && seen.add(e.eventId)); // a duplicate is allowed; consumers drop it
        return mine.length >= 21 ? mine : undefined;
      },
      { what: '21 meeting events' },
    );
    expect(events.map((e) => e.type)).toEqual([
      'meetings.meeting.scheduled',
      ...Array(20).fill('meetings.meeting.attendance-recorded'),
    ]);
    expect(events.slice(1).map((e) => e.payload.namedCount)).toEqual(
      Array.from({ length: 20 }, (_, n) => n + 1),
    );
    const meetings = h.db.collection('meetings');
    await waitFor(async () => ((await meetings.findOne({ _id: id } as never))?.outbox ?? [1]).length === 0, {
      what: 'outbox emptied',
    });
    expect(await meetings.countDocuments({ _id: id, outboxDueAt: { $exists: true } } as never)).toBe(0);
  });

  it('refuses a wrong QR token and an attendee from another district', async () => {
    const id = await runningMeeting();
    const qr = await server()
      .post(`/meetings/${id}/qr`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(201);
    const wrong = await server()
      .post(`/meetings/${id}/check-in`)
      .set('Authorization', h.auth(worker(1)))
      .send({ token: 'x'.repeat(32) })
      .expect(403);
    expect(wrong.body.error.code).toBe('INVALID_QR_TOKEN');
    const outsider = await server()
      .post(`/meetings/${id}/check-in`)
      .set('Authorization', h.auth(agraWorker))
      .send({ token: qr.body.token })
      .expect(400);
    expect(outsider.body.error.code).toBe('ATTENDEE_OUTSIDE_AREA');
  });

  it('takes late additions after the meeting was held and publishes them with the new totals', async () => {
    const id = await runningMeeting();
    await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        start: inMinutes(-10),
        end: inMinutes(-1),
        headcount: 4,
        attendees: [{ memberId: 'w-1', areaId: 'M-1' }],
      })
      .expect(200);
    const late = await server()
      .post(`/meetings/${id}/attendance`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        attendees: [
          { memberId: 'w-2', areaId: 'M-1' },
          { memberId: 'w-1', areaId: 'M-1' },
        ],
        headcount: 2,
      })
      .expect(200);
    expect(late.body).toMatchObject({ added: ['w-2'], namedCount: 2, headcount: 6, totalAttendance: 8 });
    const events = await waitFor(
      () => {
        const mine = probe.messages
          .filter((m) => m.key === id)
          .map((m) => JSON.parse(m.value) as EventEnvelope<Record<string, unknown>>);
        return mine.length >= 3 ? mine : undefined;
      },
      { what: 'attendance event' },
    );
    expect(events[2]).toMatchObject({
      type: 'meetings.meeting.attendance-recorded',
      payload: {
        method: 'late-addition',
        addedMemberIds: ['w-2'],
        namedCount: 2,
        headcount: 6,
        totalAttendance: 8,
      },
    });
  });

  it('locks attendance 48 hours after the meeting ended', async () => {
    const id = await runningMeeting();
    await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ start: inMinutes(-10), end: inMinutes(-1) })
      .expect(200);
    // Move the lock into the past, as if two days had gone by, once the relay has published the held event.
    const meetings = h.db.collection('meetings');
    await waitFor(async () => !(await meetings.findOne({ _id: id } as never))?.outboxDueAt, {
      what: 'held event published',
    });
    await meetings.updateOne({ _id: id } as never, {
      $set: { attendanceLocksAt: new Date(Date.now() - 1000) },
    });
    expect((await meetings.findOne({ _id: id } as never))!.attendanceLocksAt.getTime()).toBeLessThan(
      Date.now(),
    );
    const res = await server()
      .post(`/meetings/${id}/attendance`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ headcount: 3 })
      .expect(409);
    expect(res.body.error.code).toBe('ATTENDANCE_LOCKED');
  });

  it('runs a vc-review from the state HQ to connected district rooms with attendance per district', async () => {
    await server()
      .put('/vc-rooms/D-LKO')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ name: 'Lucknow office', status: 'connected' })
      .expect(200);
    await server()
      .put('/vc-rooms/D-AGRA')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ name: 'Agra office', status: 'planned' })
      .expect(200);
    const rooms = await server().get('/vc-rooms').set('Authorization', h.auth(STATE_LEADER)).expect(200);
    expect(rooms.body.summary).toMatchObject({ total: 2, connected: 1, planned: 1 });

    const body = {
      kind: 'vc-review',
      title: 'State review',
      areaId: 'UP',
      scheduledStart: inMinutes(-30),
      scheduledEnd: inMinutes(-5),
    };
    const refused = await server()
      .post('/meetings')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ ...body, linkedAreaIds: ['D-LKO', 'D-AGRA'] })
      .expect(400);
    expect(refused.body.error.code).toBe('ROOM_NOT_CONNECTED');

    await server()
      .put('/vc-rooms/D-AGRA')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ name: 'Agra office', status: 'connected' })
      .expect(200);
    const created = await server()
      .post('/meetings')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ ...body, linkedAreaIds: ['D-LKO', 'D-AGRA'] })
      .expect(201);
    const id = created.body.id as string;
    await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(STATE_LEADER))
      .send({
        start: inMinutes(-30),
        end: inMinutes(-5),
        attendees: [{ memberId: 'dp-lko', areaId: 'D-LKO' }],
        districts: [
          { areaId: 'D-LKO', headcount: 12 },
          { areaId: 'D-AGRA', headcount: 9 },
        ],
      })
      .expect(200);
    // The Lucknow district president sees the review in his district's list.
    const lkoList = await server()
      .get('/meetings')
      .query({ kind: 'vc-review' })
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(lkoList.body.items.map((m: { id: string }) => m.id)).toContain(id);
    const held = await waitFor(
      () =>
        probe.messages
          .map(
            (m) =>
              JSON.parse(m.value) as EventEnvelope<{
                districts: { areaId: string; namedCount: number; headcount: number }[];
              }>,
          )
          .find(
            (e) =>
              e.type === 'meetings.meeting.held' &&
              e.payload &&
              (e as { payload: { meetingId?: string } }).payload.meetingId === id,
          ),
      { what: 'vc held event' },
    );
    expect(held.payload.districts).toEqual([
      expect.objectContaining({ areaId: 'D-LKO', roomId: 'D-LKO', namedCount: 1, headcount: 12 }),
      expect.objectContaining({ areaId: 'D-AGRA', roomId: 'D-AGRA', namedCount: 0, headcount: 9 }),
    ]);
  });

  it('follows org.area.moved: a meeting under a moved assembly seat is listed under its new district', async () => {
    const id = await runningMeeting();
    const org = (areaPath: string[]) => ({
      producer: 'org',
      areaId: 'AC-173',
      areaPath,
      actorId: null,
      correlationId: 'move',
    });
    // An earlier move (older event id) that arrives after the later one: it must not pull the seat back.
    const older = createEvent(
      AreaMovedV1,
      {
        areaId: 'AC-173',
        level: 'assembly',
        parentId: 'Z-LKO',
        ancestors: ['IN', 'UP', 'Z-LKO'],
        nameEn: 'AC-173',
        nameHi: null,
        previousParentId: 'D-LKO',
        previousAncestors: ['IN', 'UP', 'Z-LKO', 'D-LKO'],
        descendantCount: 1,
      },
      org(['IN', 'UP', 'Z-LKO']),
    );
    const moved = createEvent(
      AreaMovedV1,
      {
        areaId: 'AC-173',
        level: 'assembly',
        parentId: 'D-AGRA',
        ancestors: ['IN', 'UP', 'Z-AGRA', 'D-AGRA'],
        nameEn: 'AC-173',
        nameHi: null,
        previousParentId: 'D-LKO',
        previousAncestors: ['IN', 'UP', 'Z-LKO', 'D-LKO'],
        descendantCount: 1,
      },
      {
        producer: 'org',
        areaId: 'AC-173',
        areaPath: ['IN', 'UP', 'Z-AGRA', 'D-AGRA'],
        actorId: null,
        correlationId: 'move',
      },
    );
    await produceRaw(`${h.topicPrefix}org.area.events`, [
      {
        key: 'AC-173',
        value: JSON.stringify(moved),
        headers: { 'event-type': moved.type, 'event-version': '1' },
      },
    ]);
    const listed = await waitFor(
      async () => {
        const res = await server()
          .get('/meetings')
          .query({ areaId: 'D-AGRA' })
          .set('Authorization', h.auth(AGRA_PRESIDENT));
        return res.body.items?.some((m: { id: string }) => m.id === id) ? res.body : undefined;
      },
      { what: 'meeting re-pathed under D-AGRA' },
    );
    expect(listed.items.length).toBeGreaterThan(0);
    const mandal = await server().get('/areas/M-1').set('Authorization', h.auth(STATE_LEADER)).expect(200);
    expect(mandal.body.ancestors).toEqual(['IN', 'UP', 'Z-AGRA', 'D-AGRA', 'AC-173']);
    await server().get(`/meetings/${id}`).set('Authorization', h.auth(LKO_PRESIDENT)).expect(403);

    // Same key, so consumed in order: once the marker update is applied, the older move was handled before it.
    const marker = createEvent(
      AreaUpdatedV1,
      {
        areaId: 'AC-173',
        level: 'assembly',
        parentId: 'D-AGRA',
        ancestors: ['IN', 'UP', 'Z-AGRA', 'D-AGRA'],
        nameEn: 'AC-173 marker',
        nameHi: null,
        changed: ['nameEn'],
      },
      org(['IN', 'UP', 'Z-AGRA', 'D-AGRA']),
    );
    await produceRaw(
      `${h.topicPrefix}org.area.events`,
      [older, marker].map((event) => ({
        key: 'AC-173',
        value: JSON.stringify(event),
        headers: { 'event-type': event.type, 'event-version': '1' },
      })),
    );
    await waitFor(
      async () =>
        (await server().get('/areas/AC-173').set('Authorization', h.auth(STATE_LEADER))).body.nameEn ===
        'AC-173 marker',
      { what: 'the marker after the older move' },
    );
    const after = await server().get('/areas/M-1').set('Authorization', h.auth(STATE_LEADER)).expect(200);
    expect(after.body.ancestors).toEqual(['IN', 'UP', 'Z-AGRA', 'D-AGRA', 'AC-173']);
    const stillListed = await server()
      .get('/meetings')
      .query({ areaId: 'D-AGRA' })
      .set('Authorization', h.auth(AGRA_PRESIDENT))
      .expect(200);
    expect(stillListed.body.items.some((m: { id: string }) => m.id === id)).toBe(true);
  });
});
