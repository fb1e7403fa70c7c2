import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@sangathan/bootstrap';
import type { EventEnvelope } from '@sangathan/contracts';
import { OutboxRelay } from '@sangathan/messaging';
import { TopicProbe, waitFor } from '@sangathan/testing';
import type { Principal } from '@sangathan/auth';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from '../src/service';
import { inMinutes, LKO_PRESIDENT, startMeetings, type Harness } from './support/harness';

const worker = (n: number): Principal => ({
  sub: `bw-${n}`,
  roles: ['booth-worker'],
  areaId: 'M-1',
  areaPath: ['IN', 'UP', 'Z-LKO', 'D-LKO', 'AC-173'],
});

/** Two replicas of the service against one database and one consumer group, writing the same meetings at once. */
describe('two meetings replicas writing the same aggregates', () => {
  let h: Harness;
  let second: INestApplication;
  let probe: TopicProbe;
  const replicas = () => [request(h.app.getHttpServer()), request(second.getHttpServer())];

  beforeAll(async () => {
    h = await startMeetings('mtg-replicas');
    process.env.MONGODB_DB = h.db.name;
    second = await createServiceApp(AppModule, MEETINGS_SERVICE_DESCRIPTION);
    await second.init();
    delete process.env.MONGODB_DB;
    await waitFor(async () => (await request(second.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'second replica ready',
      timeoutMs: 45_000,
    });
    probe = await new TopicProbe(`${h.topicPrefix}meetings.meeting.events`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await second
      ?.get(OutboxRelay)
      .drainOnce()
      .catch(() => undefined);
    await second?.close();
    await h?.close();
  });

  it('keeps every check-in and every event when 40 attendees scan the same meeting on both replicas at once', async () => {
    const [a, b] = replicas();
    const created = await a!
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        kind: 'booth-committee',
        title: 'दो प्रतिकृतियाँ',
        areaId: 'AC-173',
        scheduledStart: inMinutes(-10),
        scheduledEnd: inMinutes(50),
      })
      .expect(201);
    const id = created.body.id as string;
    const qr = await b!.post(`/meetings/${id}/qr`).set('Authorization', h.auth(LKO_PRESIDENT)).expect(201);
    const attendees = 40;
    const scans = await Promise.all(
      Array.from({ length: attendees }, (_, n) =>
        replicas()
          [n % 2]!.post(`/meetings/${id}/check-in`)
          .set('Authorization', h.auth(worker(n)))
          .send({ token: qr.body.token }),
      ),
    );
    expect(scans.map((s) => s.status)).toEqual(Array(attendees).fill(200));
    expect(scans.filter((s) => s.body.newlyAdded === true)).toHaveLength(attendees);

    for (const replica of replicas()) {
      const meeting = await replica
        .get(`/meetings/${id}`)
        .set('Authorization', h.auth(LKO_PRESIDENT))
        .expect(200);
      expect(meeting.body.namedCount).toBe(attendees);
      expect(new Set(meeting.body.attendees.map((x: { memberId: string }) => x.memberId)).size).toBe(
        attendees,
      );
    }
    // One event per change, each once after deduplication by eventId (at-least-once may repeat one on the wire).
    const events = await waitFor(
      () => {
        const seen = new Set<string>();
        const mine = probe.messages
          .filter((m) => m.key === id)
          .map((m) => JSON.parse(m.value) as EventEnvelope<{ namedCount?: number }>)
          .filter((e) => !seen.has(e.eventId) && seen.add(e.eventId));
        return mine.length >= attendees + 1 ? mine : undefined;
      },
      { what: `${attendees + 1} meeting events` },
    );
    expect(events).toHaveLength(attendees + 1);
    expect(
      events
        .filter((e) => e.type === 'meetings.meeting.attendance-recorded')
        .map((e) => e.payload.namedCount)
        .sort((x, y) => x! - y!),
    ).toEqual(Array.from({ length: attendees }, (_, n) => n + 1));
    await waitFor(
      async () =>
        ((await h.db.collection('meetings').findOne({ _id: id } as never))?.outbox ?? [1]).length === 0,
      { what: 'outbox emptied' },
    );
  });
});
