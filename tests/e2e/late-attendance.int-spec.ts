import type { INestApplication } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import { AreaCreatedV1, createEvent, MemberJoinedV1, ORG_TOPICS, type AreaLevel } from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv } from '@sangathan/messaging';
import { bearer, isolateTest, NATIONAL_ADMIN, produceRaw, TopicProbe, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { AppModule as AnalyticsAppModule } from '../../services/analytics/src/app.module';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../../services/analytics/src/service';
import { AppModule as MeetingsAppModule } from '../../services/meetings/src/app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from '../../services/meetings/src/service';

const TREE: { id: string; level: AreaLevel; parentId: string | null; ancestors: string[] }[] = [
  { id: 'IN', level: 'national', parentId: null, ancestors: [] },
  { id: 'UP', level: 'state', parentId: 'IN', ancestors: ['IN'] },
  { id: 'D-LKO', level: 'district', parentId: 'UP', ancestors: ['IN', 'UP'] },
  { id: 'AC-173', level: 'assembly', parentId: 'D-LKO', ancestors: ['IN', 'UP', 'D-LKO'] },
];
const INCHARGE: Principal = {
  sub: 'inc-late',
  roles: ['incharge'],
  areaId: 'AC-173',
  areaPath: ['IN', 'UP', 'D-LKO'],
};
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * Attendance added in the late window after a meeting was held reaches momentum: meetings publishes what the
 * addition added, analytics folds it on the meeting's date, once, however often the event is delivered.
 */
describe('late meeting attendance: meetings → Kafka → analytics', () => {
  const isolation = isolateTest('late-attendance');
  let meetings: INestApplication;
  let analytics: INestApplication;
  let kafka: KafkaConnection;
  const meetingEvents = new TopicProbe(`${isolation.topicPrefix}meetings.meeting.events`);

  const attendance = async (): Promise<number> =>
    (
      await request(analytics.getHttpServer())
        .get('/areas/AC-173/momentum')
        .query({ exact: 'true' })
        .set('Authorization', bearer(NATIONAL_ADMIN))
        .expect(200)
    ).body.components.attendance.actual;

  beforeAll(async () => {
    kafka = new KafkaConnection(kafkaSettingsFromEnv('late-attendance-test'));
    await kafka.ensureTopics(ORG_TOPICS);
    for (const [name, appModule, description] of [
      ['meetings', MeetingsAppModule, MEETINGS_SERVICE_DESCRIPTION],
      ['analytics', AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
    ] as const) {
      process.env.MONGODB_DB = isolation.dbName(name);
      const app = await createServiceApp(appModule, description);
      await app.init();
      if (name === 'meetings') meetings = app;
      else analytics = app;
    }
    delete process.env.MONGODB_DB;
    for (const app of [meetings, analytics]) {
      await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, {
        what: 'readiness',
        timeoutMs: 60_000,
      });
    }
    const context = (areaId: string, areaPath: string[]) => ({
      producer: 'org',
      areaId,
      areaPath,
      actorId: null,
      correlationId: 'seed',
    });
    await produceRaw(
      kafka.topicName(AreaCreatedV1.topic),
      TREE.map((a) => {
        const event = createEvent(
          AreaCreatedV1,
          {
            areaId: a.id,
            level: a.level,
            parentId: a.parentId,
            ancestors: a.ancestors,
            nameEn: a.id,
            nameHi: null,
          },
          context(a.id, a.ancestors),
        );
        return { key: a.id, value: JSON.stringify(event) };
      }),
    );
    const joined = createEvent(
      MemberJoinedV1,
      {
        memberId: INCHARGE.sub,
        name: 'In-charge',
        nameAlt: null,
        kind: 'office-bearer',
        status: 'active',
        areaId: 'AC-173',
        ancestors: INCHARGE.areaPath,
        joinedAt: minutesAgo(600),
      },
      context('AC-173', INCHARGE.areaPath),
    );
    await produceRaw(kafka.topicName(MemberJoinedV1.topic), [
      { key: INCHARGE.sub, value: JSON.stringify(joined) },
    ]);
    await waitFor(
      async () =>
        (
          await request(analytics.getHttpServer())
            .get('/areas/AC-173')
            .set('Authorization', bearer(NATIONAL_ADMIN))
        ).status === 200,
      {
        what: 'analytics to know the areas',
        timeoutMs: 30_000,
      },
    );
    await waitFor(
      async () =>
        (
          await request(meetings.getHttpServer())
            .get('/areas/AC-173')
            .set('Authorization', bearer(NATIONAL_ADMIN))
        ).status === 200,
      {
        what: 'meetings to know the areas',
        timeoutMs: 30_000,
      },
    );
    await meetingEvents.start();
  }, 180_000);

  afterAll(async () => {
    await meetingEvents.stop();
    await meetings?.close();
    await analytics?.close();
    await kafka?.disconnect();
  });

  it('adds late headcount to the attendance of the meeting day, exactly once', async () => {
    const auth = bearer(INCHARGE);
    const meeting = await request(meetings.getHttpServer())
      .post('/meetings')
      .set('Authorization', auth)
      .send({
        kind: 'daily-small',
        title: 'Booth workers',
        areaId: 'AC-173',
        scheduledStart: minutesAgo(120),
        scheduledEnd: minutesAgo(60),
      })
      .expect(201);
    await request(meetings.getHttpServer())
      .post(`/meetings/${meeting.body.id}/held`)
      .set('Authorization', auth)
      .send({ start: minutesAgo(120), end: minutesAgo(60), headcount: 2 })
      .expect(200);
    const held = await waitFor(async () => (await attendance()) || undefined, {
      what: 'the held meeting in momentum',
      timeoutMs: 30_000,
    });

    await request(meetings.getHttpServer())
      .post(`/meetings/${meeting.body.id}/attendance`)
      .set('Authorization', auth)
      .send({ attendees: [], headcount: 4 })
      .expect(200);
    const late = await waitFor(
      () => meetingEvents.messages.find((m) => m.value.includes('"late-addition"')),
      { what: 'the late addition published', timeoutMs: 30_000 },
    );
    // The outbox may deliver an event twice: the same event id again.
    await produceRaw(kafka.topicName('meetings.meeting.events'), [
      { key: late.key ?? undefined, value: late.value },
    ]);
    const after = await waitFor(async () => ((await attendance()) > held * 2 ? attendance() : undefined), {
      what: 'the late addition in momentum',
      timeoutMs: 30_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 2000)); // time for the duplicate to be (not) counted
    const settled = await attendance();

    // Both are decayed from the same meeting start: 2 people, then 2 + 4.
    expect(after / held).toBeCloseTo(3, 3);
    expect(settled / held).toBeCloseTo(3, 3);
  });
});
