import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@sangathan/bootstrap';
import {
  ANALYTICS_MOMENTUM_TOPIC,
  AreaMovedV1,
  createEvent,
  MeetingHeldV1,
  MomentumChangedV1,
  EventRegistry,
} from '@sangathan/contracts';
import { KafkaConnection, KafkaMessagePublisher, kafkaSettingsFromEnv } from '@sangathan/messaging';
import {
  bearer,
  isolateTest,
  NATIONAL_ADMIN,
  OpenApiResponses,
  TopicProbe,
  waitFor,
  type OpenApiDocument,
} from '@sangathan/testing';
import request from 'supertest';
import {
  activityMessages,
  areaMessages,
  buildOrg,
  SMALL_UP,
  type GeneratedMessage,
} from '../../../bench/analytics-load-generator';
import { AppModule } from '../src/app.module';
import { MomentumPublisher } from '../src/modules/momentum/application/momentum-publisher';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../src/service';

/**
 * Momentum end to end against the real broker and database: contract events produced to Kafka,
 * folded by the analytics consumer, read over HTTP, rebuilt by a replay, published for analysts.
 */
describe('momentum: Kafka → analytics state → API', () => {
  const isolation = isolateTest('momentum');
  const auth = bearer(NATIONAL_ADMIN);
  // The generated activity ends now; scores are read at one fixed instant an hour later (a past `at`
  // is refused), so the figures compared across the file do not drift as it runs.
  const DATA_END = Date.now();
  const AT = new Date(DATA_END + 3600_000).toISOString();
  const org = buildOrg(SMALL_UP, 'T');
  let app: INestApplication;
  let kafka: KafkaConnection;
  let publisher: KafkaMessagePublisher;
  const dlq = new TopicProbe(`${isolation.topicPrefix}${MeetingHeldV1.topic}.dlq`);
  let produced = 0;

  const send = async (messages: GeneratedMessage[]) => {
    for (let i = 0; i < messages.length; i += 500) {
      await publisher.publish(
        messages.slice(i, i + 500).map(({ topic, key, value }) => ({ topic, key, value, headers: {} })),
      );
    }
    produced += messages.length;
  };
  const status = async () =>
    (await request(app.getHttpServer()).get('/momentum/status').set('Authorization', auth).expect(200)).body;
  const momentum = async (areaId: string) =>
    (
      await request(app.getHttpServer())
        .get(`/areas/${areaId}/momentum`)
        .query({ at: AT, exact: 'true' })
        .set('Authorization', auth)
        .expect(200)
    ).body;

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName('analytics');
    process.env.ANALYTICS_PUBLISH_INTERVAL_MS = '0';
    process.env.ANALYTICS_PUBLISH_MAX_PER_ROUND = '20';
    app = await createServiceApp(AppModule, ANALYTICS_SERVICE_DESCRIPTION);
    await app.init();
    kafka = new KafkaConnection(kafkaSettingsFromEnv('momentum-test'));
    publisher = new KafkaMessagePublisher(kafka);
    await waitFor(
      async () => {
        const res = await request(app.getHttpServer()).get('/health/ready');
        return res.status === 200;
      },
      { what: 'readiness', timeoutMs: 90_000, intervalMs: 1000 },
    );
    await dlq.start();

    // Activity of the last booth arrives before the hierarchy does: it must be parked, then applied.
    const activity = [...activityMessages(org, { events: 3000, days: 20, endMs: DATA_END, seed: 7 })];
    const lastBooth = org.booths[org.booths.length - 1].areaId;
    const early = activity.filter((m) => m.event.areaId === lastBooth);
    await send(early);
    await send(areaMessages(org, DATA_END - 30 * 86_400_000));
    await send(activity.filter((m) => m.event.areaId !== lastBooth));
    // The outbox of a producer may publish an event twice: same event id, later offset.
    await send(activity.slice(0, 50));
    // An activity dated three days after it was produced goes to the DLQ.
    const future = createEvent(
      MeetingHeldV1,
      {
        meetingId: 'future-1',
        kind: 'daily-small',
        areaId: org.booths[0].areaId,
        ancestors: org.booths[0].ancestors,
        organiserId: 'm-1',
        heldStart: new Date(Date.parse(AT) + 3 * 86_400_000).toISOString(),
        heldEnd: new Date(Date.parse(AT) + 3 * 86_400_000).toISOString(),
        recordedAt: AT,
        attendanceLocksAt: AT,
        namedCount: 1,
        headcount: 0,
        totalAttendance: 1,
        expectedAttendeeCount: 1,
        photoCount: 0,
        verifiedPhotoCount: 0,
        districts: [],
      },
      {
        producer: 'meetings',
        areaId: org.booths[0].areaId,
        areaPath: org.booths[0].ancestors,
        actorId: null,
        correlationId: 'c',
        occurredAt: new Date(AT),
      },
    );
    await send([
      { topic: MeetingHeldV1.topic, key: 'future-1', value: JSON.stringify(future), event: future },
    ]);
    await waitFor(
      async () => {
        const s = await status();
        return s.active.events + s.active.republishedSkipped >= produced - 1 && s.active.parked === 0;
      },
      { what: 'all events folded', timeoutMs: 60_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await dlq.stop();
    await kafka?.disconnect();
    await app?.close();
    delete process.env.MONGODB_DB;
    delete process.env.ANALYTICS_PUBLISH_INTERVAL_MS;
    delete process.env.ANALYTICS_PUBLISH_MAX_PER_ROUND;
  });

  it('absorbs republished events, parks activity of unknown areas until they appear, and dead-letters future activity', async () => {
    const s = await status();
    expect(s.active.republishedSkipped).toBe(50);
    expect(s.active.parked).toBe(0);
    const lastBooth = await momentum(org.booths[org.booths.length - 1].areaId);
    expect(lastBooth.components.meetings.actual).toBeGreaterThan(0);
    await waitFor(() => dlq.messages.find((m) => m.headers['dlq-reason'] === 'future-activity'), {
      what: 'future event in the DLQ',
    });
  });

  it('rolls every area up into its parent: a parent equals the sum of its children', async () => {
    const district = org.areas.find((a) => a.level === 'district')!.areaId;
    const parent = await momentum(district);
    const children = (
      await request(app.getHttpServer())
        .get(`/areas/${district}/momentum/children`)
        .query({ at: AT })
        .set('Authorization', auth)
        .expect(200)
    ).body.items;
    expect(children.length).toBeGreaterThan(0);
    for (const name of ['meetings', 'attendance']) {
      const sum = await Promise.all(
        children.map(async (c: { areaId: string }) => (await momentum(c.areaId)).components[name].actual),
      );
      expect(parent.components[name].actual).toBeCloseTo(
        sum.reduce((a: number, b: number) => a + b, 0),
        6,
      );
    }
    expect(parent.score).toBeGreaterThan(0);
  });

  it('finds the areas the generator made slow as the laggards of the state', async () => {
    const res = await request(app.getHttpServer())
      .get('/areas/T/momentum/laggards')
      .query({ at: AT, level: 'district', n: 2 })
      .set('Authorization', auth)
      .expect(200);
    const slow = [...org.paces].filter(([, pace]) => pace === 'slow').map(([id]) => id);
    expect(slow.length).toBeGreaterThan(0);
    expect(res.body.items[0].areaId).toBe(slow[0]);
    expect(res.body.items[0].pulledDownBy).toEqual(expect.any(String));
    const board = await request(app.getHttpServer())
      .get('/momentum/leaderboard')
      .query({ at: AT, level: 'district', order: 'desc' })
      .set('Authorization', auth)
      .expect(200);
    const mean = (pace: string) => {
      const scores = board.body.items
        .filter((i: { areaId: string }) => org.paces.get(i.areaId) === pace)
        .map((i: { score: number }) => i.score);
      return scores.reduce((a: number, b: number) => a + b, 0) / scores.length;
    };
    expect(board.body.items).toHaveLength(org.paces.size);
    expect(mean('fast')).toBeGreaterThan(mean('normal'));
    expect(mean('normal')).toBeGreaterThan(mean('slow') + 20);
    const classes = await request(app.getHttpServer())
      .get('/momentum/seat-classes')
      .query({ at: AT })
      .set('Authorization', auth)
      .expect(200);
    expect(classes.body.classes.map((c: { seatClass: string }) => c.seatClass)).toEqual([
      'lost',
      'weak',
      'thin-margin',
      'strong',
    ]);
    const history = await request(app.getHttpServer())
      .get('/areas/T/momentum/history')
      .query({ at: AT, days: 10 })
      .set('Authorization', auth)
      .expect(200);
    expect(history.body.points).toHaveLength(10);
    expect(history.body.points[9].score).toBeCloseTo((await momentum('T')).score, -1);
  });

  it.each([
    ['/areas/T/momentum', 'the day before'],
    ['/areas/T/momentum', '1900'],
    ['/areas/T/momentum/children', 'the day before'],
    ['/areas/T/momentum/laggards?level=district', 'the day before'],
    ['/momentum/leaderboard?level=district', 'the day before'],
    ['/momentum/seat-classes', 'the day before'],
  ])('refuses %s at a past instant (%s) with 400 saying what is supported', async (path, when) => {
    const past = when === '1900' ? '1900-01-01T00:00:00Z' : new Date(DATA_END - 86_400_000).toISOString();
    const res = await request(app.getHttpServer())
      .get(path)
      .query({ at: past })
      .set('Authorization', auth)
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'AS_OF_NOT_SUPPORTED', details: [{ field: 'at' }] });
    expect(res.body.error.message).toMatch(/now or a later instant.*history/);
  });

  it('answers now and a later instant, and the daily history of past days', async () => {
    const now = await request(app.getHttpServer())
      .get('/areas/T/momentum')
      .set('Authorization', auth)
      .expect(200);
    expect(Date.parse(now.body.asOf)).toBeGreaterThanOrEqual(DATA_END);
    expect((await momentum('T')).asOf).toBe(AT);
    const history = await request(app.getHttpServer())
      .get('/areas/T/momentum/history')
      .query({ at: new Date(DATA_END - 86_400_000).toISOString(), days: 3 })
      .set('Authorization', auth)
      .expect(200);
    expect(history.body.points).toHaveLength(3);
  });

  it('keeps areas outside the caller’s subtree out of reach', async () => {
    const district = org.areas.find((a) => a.level === 'district')!;
    const other = org.areas.filter((a) => a.level === 'district')[1];
    const token = bearer({
      sub: 'dp',
      roles: ['district-president'],
      areaId: district.areaId,
      areaPath: district.ancestors,
    });
    await request(app.getHttpServer())
      .get(`/areas/${other.areaId}/momentum`)
      .set('Authorization', token)
      .expect(403);
    const board = await request(app.getHttpServer())
      .get('/momentum/leaderboard')
      .query({ level: 'assembly' })
      .set('Authorization', token)
      .expect(200);
    expect(
      board.body.items.every((i: { areaId: string }) => i.areaId.startsWith(`${district.areaId}-`)),
    ).toBe(true);
  });

  it('rebuilds the same scores by replay into fresh collections and switches over', async () => {
    const ids = org.areas
      .filter((a) => a.level !== 'booth')
      .map((a) => a.areaId)
      .slice(0, 40);
    const before = await Promise.all(ids.map((id) => momentum(id)));
    const namespace = (await status()).active.namespace;
    await request(app.getHttpServer()).post('/momentum/replay').set('Authorization', auth).expect(202);
    const replay = await waitFor(
      async () => {
        const s = await status();
        return s.replay?.state === 'switched' ? s : undefined;
      },
      { what: 'replay switched over', timeoutMs: 100_000 },
    );
    expect(replay.active.namespace).not.toBe(namespace);
    expect(replay.active.republishedSkipped).toBe(50);
    const after = await Promise.all(ids.map((id) => momentum(id)));
    after.forEach((a, i) => {
      expect(Math.abs(a.score - before[i].score)).toBeLessThanOrEqual(1e-9 * Math.max(1, before[i].score));
      expect(a.components.meetings.actual).toBeCloseTo(before[i].components.meetings.actual, 9);
    });
  }, 110_000);

  it('publishes scores that moved to analytics.momentum with the contract schema, at most 20 areas a round', async () => {
    const probe = await new TopicProbe(`${isolation.topicPrefix}${ANALYTICS_MOMENTUM_TOPIC.name}`).start();
    try {
      const publishable = org.areas.filter((a) => a.level !== 'sector' && a.level !== 'booth').length;
      const rounds: number[] = [];
      do rounds.push(await app.get(MomentumPublisher).publishOnce(Date.parse(AT)));
      while (rounds[rounds.length - 1] > 0 && rounds.length < 20);
      // Every area is published once, over as many rounds as the cap of 20 (ANALYTICS_PUBLISH_MAX_PER_ROUND) needs;
      // then nothing moved since, so the last round publishes nothing.
      expect(rounds.length - 1).toBe(Math.ceil(publishable / 20));
      expect(rounds[rounds.length - 1]).toBe(0);
      const keys = await waitFor(
        () => {
          const published = new Set(probe.messages.map((m) => m.key));
          return published.size >= publishable ? published : undefined;
        },
        { what: 'every area published', timeoutMs: 30_000 },
      );
      expect(keys.size).toBe(publishable);
      const message = probe.messages.find((m) => m.key === 'T')!;
      const outcome = new EventRegistry().validate(message.value, ANALYTICS_MOMENTUM_TOPIC.name);
      expect(outcome.ok && outcome.event.type).toBe(MomentumChangedV1.type);
      expect(JSON.parse(message.value).payload).toMatchObject({
        areaId: 'T',
        level: 'state',
        reason: 'moved',
        formulaVersion: 2,
      });
    } finally {
      await probe.stop();
    }
  });

  it('serves an area as the hierarchy state knows it, scoped like the scores', async () => {
    const [district, other] = org.areas.filter((a) => a.level === 'district');
    const booths = org.areas.filter(
      (a) => a.level === 'booth' && a.ancestors.includes(district.areaId),
    ).length;
    const res = await request(app.getHttpServer())
      .get(`/areas/${district.areaId}`)
      .set('Authorization', auth)
      .expect(200);
    expect(res.body).toEqual({
      id: district.areaId,
      level: 'district',
      parentId: district.ancestors[district.ancestors.length - 1],
      ancestors: district.ancestors,
      nameEn: district.nameEn,
      nameHi: district.nameHi,
      seatClass: null,
      booths,
    });
    expect(booths).toBeGreaterThan(0);
    const contract = await OpenApiResponses.of(
      (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body as OpenApiDocument,
    );
    expect(contract.problems('get', '/areas/{id}', res)).toEqual([]);
    const token = bearer({
      sub: 'dp',
      roles: ['district-president'],
      areaId: district.areaId,
      areaPath: district.ancestors,
    });
    await request(app.getHttpServer()).get(`/areas/${other.areaId}`).set('Authorization', token).expect(403);
    const missing = await request(app.getHttpServer())
      .get('/areas/NOWHERE')
      .set('Authorization', auth)
      .expect(404);
    expect(missing.body.error.code).toBe('AREA_NOT_FOUND');
  });
  // Last: it changes the hierarchy the tests above rely on.
  it('moves an area with its accumulators when org moves it (org.area.moved)', async () => {
    const mandal = org.areas.find((a) => a.level === 'mandal')!;
    const from = org.areas.find((a) => a.areaId === mandal.ancestors[mandal.ancestors.length - 1])!;
    const districtOf = (a: { ancestors: string[] }) =>
      a.ancestors.find((id) => org.areas.some((x) => x.areaId === id && x.level === 'district'))!;
    const fromDistrict = districtOf(mandal);
    const to = org.areas.find((a) => a.level === 'assembly' && districtOf(a) !== fromDistrict)!;
    const toDistrict = districtOf(to);
    const area = async (id: string) =>
      (await request(app.getHttpServer()).get(`/areas/${id}`).set('Authorization', auth).expect(200)).body;
    const meetings = async (id: string) => (await momentum(id)).components.meetings.actual as number;
    const before = {
      m: await area(mandal.areaId),
      from: await area(fromDistrict),
      to: await area(toDistrict),
    };
    const flow = {
      m: await meetings(mandal.areaId),
      from: await meetings(fromDistrict),
      to: await meetings(toDistrict),
    };
    expect(flow.m).toBeGreaterThan(0);
    const event = createEvent(
      AreaMovedV1,
      {
        areaId: mandal.areaId,
        level: 'mandal',
        parentId: to.areaId,
        ancestors: [...to.ancestors, to.areaId],
        nameEn: mandal.nameEn,
        nameHi: mandal.nameHi,
        seatClass: null,
        previousParentId: from.areaId,
        previousAncestors: mandal.ancestors,
        descendantCount: before.m.booths,
      },
      {
        producer: 'org',
        areaId: mandal.areaId,
        areaPath: [...to.ancestors, to.areaId],
        actorId: null,
        correlationId: 'move',
      },
    );
    await send([{ topic: AreaMovedV1.topic, key: mandal.areaId, value: JSON.stringify(event), event }]);
    const moved = await waitFor(
      async () => {
        const now = await area(mandal.areaId);
        return now.parentId === to.areaId ? now : undefined;
      },
      { what: 'the move applied' },
    );
    expect(moved.ancestors).toEqual([...to.ancestors, to.areaId]);
    expect((await area(fromDistrict)).booths).toBe(before.from.booths - before.m.booths);
    expect((await area(toDistrict)).booths).toBe(before.to.booths + before.m.booths);
    // Its past activity left the old district and joined the new one.
    expect(await meetings(fromDistrict)).toBeCloseTo(flow.from - flow.m, 6);
    expect(await meetings(toDistrict)).toBeCloseTo(flow.to + flow.m, 6);
  });
});
