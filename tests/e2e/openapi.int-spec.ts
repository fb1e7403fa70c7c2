import type { INestApplication, Type } from '@nestjs/common';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ServiceDescription } from '@sangathan/bootstrap';
import { createServiceApp } from '@sangathan/bootstrap';
import {
  bearer,
  isolateTest,
  NATIONAL_ADMIN,
  OpenApiResponses,
  recordAnswers,
  type OpenApiDocument,
  type RecordedAnswer,
  waitFor,
} from '@sangathan/testing';
import { buildExifJpeg } from '../../services/meetings/test/support/exif-jpeg';
import request from 'supertest';
import { AppModule as AnalyticsAppModule } from '../../services/analytics/src/app.module';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../../services/analytics/src/service';
import { AppModule as PanelAppModule } from '../../services/candidates-panel/src/app.module';
import { PANEL_SERVICE_DESCRIPTION } from '../../services/candidates-panel/src/service';
import { AppModule as MeetingsAppModule } from '../../services/meetings/src/app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from '../../services/meetings/src/service';
import { AppModule as NotificationsAppModule } from '../../services/notifications/src/app.module';
import { NOTIFICATIONS_SERVICE_DESCRIPTION } from '../../services/notifications/src/service';
import { AppModule as OrgAppModule } from '../../services/org/src/app.module';
import { ORG_SERVICE_DESCRIPTION } from '../../services/org/src/service';
import { AppModule as TrainingAppModule } from '../../services/training-events/src/app.module';
import { TRAINING_SERVICE_DESCRIPTION } from '../../services/training-events/src/service';
import { AppModule as StreamRedactorAppModule } from '../../services/stream-redactor/src/app.module';
import { STREAM_REDACTOR_SERVICE_DESCRIPTION } from '../../services/stream-redactor/src/service';

const SERVICES: [Type<unknown>, ServiceDescription][] = [
  [OrgAppModule, ORG_SERVICE_DESCRIPTION],
  [MeetingsAppModule, MEETINGS_SERVICE_DESCRIPTION],
  [PanelAppModule, PANEL_SERVICE_DESCRIPTION],
  [TrainingAppModule, TRAINING_SERVICE_DESCRIPTION],
  [AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
  [NotificationsAppModule, NOTIFICATIONS_SERVICE_DESCRIPTION],
  [StreamRedactorAppModule, STREAM_REDACTOR_SERVICE_DESCRIPTION],
];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

describe.each(SERVICES)('the OpenAPI document of %p', (appModule, service) => {
  const isolation = isolateTest(`openapi-${service.name}`);
  let app: INestApplication;
  let document: OpenApiDocument;

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName(service.name);
    app = await createServiceApp(appModule, service);
    await app.init();
    delete process.env.MONGODB_DB;
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200))
      .body as OpenApiDocument;
  });
  afterAll(async () => app?.close());

  it(`is a valid OpenAPI ${'3.0'} document (${service.name})`, async () => {
    expect(document.openapi).toMatch(/^3\.0\./);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('is also served at /docs-json', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json').expect(301);
    expect(res.headers.location).toBe('/docs/openapi.json');
  });

  it('documents the success answer of every operation: its status and its body schema', async () => {
    const contract = await OpenApiResponses.of(document);
    expect(contract.operations().length).toBeGreaterThan(0);
    expect(contract.undocumentedSuccess()).toEqual([]);
  });

  it('documents every answer each operation gives, with or without a token, with the bodies it describes', async () => {
    const contract = await OpenApiResponses.of(document);
    const problems: string[] = [];
    let calls = 0;
    for (const [method, path, operation] of contract.operations()) {
      // Ids no test created: the answers are the error paths (404, 400, …) that clients must also expect.
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => `no-such-${name.toLowerCase()}`);
      const json = operation.requestBody?.content?.['application/json'] !== undefined;
      for (const token of [bearer(NATIONAL_ADMIN), undefined]) {
        let call = request(app.getHttpServer())[method as Method](url);
        if (token) call = call.set('Authorization', token);
        const res = await (json ? call.send({}) : call);
        calls++;
        for (const problem of contract.problems(method, path, res)) {
          problems.push(`${method.toUpperCase()} ${path}${token ? '' : ' (no token)'}: ${problem}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

/**
 * Real answers, not only error paths: org needs no other service, so every one of its operations is driven to a
 * success here, each answer recorded as the client read it and checked against the served document.
 */
describe('org answers every operation with a body its document describes', () => {
  const isolation = isolateTest('openapi-org-answers');
  const ADMIN = bearer(NATIONAL_ADMIN);
  let app: INestApplication;
  let answers: RecordedAnswer[];
  const http = () => request(app.getHttpServer());
  const ok = async (call: request.Test, body?: object) => {
    const res = await call.set('Authorization', ADMIN).send(body);
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName('org');
    app = await createServiceApp(OrgAppModule, ORG_SERVICE_DESCRIPTION);
    answers = recordAnswers(app);
    await app.init();
    delete process.env.MONGODB_DB;
  });
  afterAll(async () => app?.close());

  it('drives all of them to a success and every answer matches its schema', async () => {
    const rows = [
      { code: 'IN', level: 'national', nameEn: 'India', nameHi: 'भारत' },
      { code: 'UP', level: 'state', parentId: 'IN', nameEn: 'Uttar Pradesh', nameHi: 'उत्तर प्रदेश' },
      { code: 'UP-Z-A', level: 'zone', parentId: 'UP', nameEn: 'Agra division' },
      { code: 'UP-D-ONE', level: 'district', parentId: 'UP-Z-A', nameEn: 'Agra', nameHi: 'आगरा' },
      { code: 'UP-LS-18', level: 'lok-sabha', parentId: 'UP', nameEn: 'Agra', seatClass: 'strong' },
      {
        code: 'UP-AC-086',
        level: 'assembly',
        parentId: 'UP-D-ONE',
        nameEn: 'Agra Cantt.',
        lokSabhaId: 'UP-LS-18',
      },
      { code: 'UP-AC-086-M01', level: 'mandal', parentId: 'UP-AC-086', nameEn: 'Shahganj', nameHi: 'शाहगंज' },
      { code: 'UP-AC-086-M02', level: 'mandal', parentId: 'UP-AC-086', nameEn: 'Lohamandi' },
      { code: 'UP-AC-086-M01-S01', level: 'sector', parentId: 'UP-AC-086-M01', nameEn: 'Sector 1' },
      { code: 'UP-AC-086-M02-S02', level: 'sector', parentId: 'UP-AC-086-M02', nameEn: 'Sector 2' },
      {
        code: 'UP-AC-086-B0001',
        level: 'booth',
        parentId: 'UP-AC-086-M01-S01',
        nameEn: 'Booth 1',
        voterCount: 900,
      },
    ];
    const imported = await ok(http().post('/imports/areas?importId=openapi-areas'), rows);
    expect(imported.created).toBe(rows.length);
    const people = ['राम कुमार', 'सीता देवी', 'Mohd. Arif'].map((name, i) => ({
      phone: `+9198120000${10 + i}`,
      name,
      kind: 'worker',
      areaId: 'UP-AC-086-B0001',
    }));
    await ok(http().post('/imports/members'), people);
    await ok(http().get('/imports/openapi-areas'));
    const [one, two] = (await ok(http().get('/members?limit=10'))).items as { id: string }[];

    await ok(http().post('/areas'), {
      code: 'UP-AC-086-B0002',
      level: 'booth',
      parentId: 'UP-AC-086-M01-S01',
      nameEn: 'Booth 2',
    });
    await ok(http().patch('/areas/UP-AC-086-B0002'), { nameHi: 'बूथ 2' });
    await ok(http().put('/areas/UP-AC-086/classification'), { seatClass: 'weak', lastMargin: 3 });
    await ok(http().post('/areas/UP-AC-086-M02-S02/move'), { parentId: 'UP-AC-086-M01' });
    await ok(http().get('/areas?under=UP-AC-086'));
    await ok(http().get('/areas/UP-AC-086'));
    await ok(http().get('/areas/UP-AC-086/counts'));

    await ok(http().post('/members'), {
      phone: '+919812000020',
      name: 'गीता',
      kind: 'volunteer',
      areaId: 'UP-AC-086-B0001',
    });
    await ok(http().patch(`/members/${one.id}`), { nameAlt: 'Ram Kumar' });
    await ok(http().post(`/members/${two.id}/deactivate`), { status: 'inactive', reason: 'moved away' });
    await ok(http().post(`/members/${two.id}/reactivate`), {});
    await ok(http().get(`/members/${one.id}`));
    await ok(http().put('/positions/mandal-president/UP-AC-086-M01'), { memberId: one.id });
    await ok(http().get('/positions?under=UP-AC-086'));
    await ok(http().get('/positions/mandal-president/UP-AC-086-M01'));

    await ok(http().put('/booths/UP-AC-086-B0001/committee'), { memberIds: [one.id, two.id] });
    await ok(http().post('/booths/UP-AC-086-B0001/volunteers'), { memberId: two.id });
    await ok(http().delete(`/booths/UP-AC-086-B0001/volunteers/${two.id}`));
    await ok(http().put('/booths/UP-AC-086-B0001/whatsapp-groups'), {
      groups: [{ name: 'बूथ 1 कार्यकर्ता', inviteLink: null, memberCount: 40 }],
    });
    await ok(http().get('/booths/UP-AC-086-B0001'));
    await ok(http().get('/coverage?under=UP-AC-086'));

    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const task = await ok(http().post('/tasks'), {
      title: 'बूथ समिति बैठक',
      areaId: 'UP-AC-086-M01',
      positionType: 'mandal-president',
      dueAt,
    });
    await ok(http().post(`/tasks/${task.id}/progress`), { percent: 50, note: 'आधा' });
    await ok(http().post(`/tasks/${task.id}/reviews`), { verdict: 'on-track' });
    await ok(http().get(`/tasks/${task.id}`));
    await ok(http().post(`/tasks/${task.id}/complete`));
    const other = await ok(http().post('/tasks'), { title: 'Wall paintings', areaId: 'UP-AC-086', dueAt });
    await ok(http().post(`/tasks/${other.id}/cancel`), { reason: 'merged into another task' });
    await ok(http().get('/tasks?under=UP-AC-086'));
    await ok(http().post('/tasks/overdue-sweep?under=UP-AC-086'));
    await ok(http().delete('/positions/mandal-president/UP-AC-086-M01'));

    const contract = await OpenApiResponses.of(
      (await http().get('/docs/openapi.json').expect(200)).body as OpenApiDocument,
    );
    const answered = new Set(answers.filter((a) => a.status < 300).map((a) => `${a.method} ${a.path}`));
    const business = contract.operations().filter(([, path]) => !path.startsWith('/health'));
    expect(business.map(([method, path]) => `${method} ${path}`).filter((op) => !answered.has(op))).toEqual(
      [],
    );
    expect(
      answers.flatMap((a) =>
        contract.problems(a.method, a.path, a).map((p) => `${a.method} ${a.path}: ${p}`),
      ),
    ).toEqual([]);
  }, 120_000);
});

/**
 * Meetings, training and analytics learn the hierarchy and the members from org's events, so their real answers come
 * from one scenario across the four services: org imports a district, then every operation of the three is driven to
 * a success and each answer (files included) is checked against its service's document.
 */
describe('meetings, training and analytics answer every operation with a body their documents describe', () => {
  const isolation = isolateTest('openapi-answers');
  type Name = 'org' | 'meetings' | 'training' | 'analytics';
  const apps = {} as Record<Name, INestApplication>;
  const recorded = {} as Record<Name, RecordedAnswer[]>;
  const checked: Record<Name, RecordedAnswer[]> = { org: [], meetings: [], training: [], analytics: [] };
  const ADMIN = bearer(NATIONAL_ADMIN);
  const PRESIDENT = bearer({
    sub: 'dp-agra',
    roles: ['district-president'],
    areaId: 'UP-D-ONE',
    areaPath: ['IN', 'UP', 'UP-Z-A'],
  });
  const http = (name: Name) => request(apps[name].getHttpServer());
  const call = async (_name: Name, test: request.Test, auth: string, body?: object) => {
    const res = await test.set('Authorization', auth).send(body);
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  /** An answer that is not JSON (a file) is not recorded by `recordAnswers`: keep it to check with the rest. */
  const file = async (name: Name, test: request.Test, path: string) => {
    const res = await call(name, test.buffer(true), ADMIN);
    checked[name].push({ method: 'get', path, status: res.status, headers: res.headers, body: null });
  };
  const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

  beforeAll(async () => {
    for (const [name, module, description] of [
      ['org', OrgAppModule, ORG_SERVICE_DESCRIPTION],
      ['meetings', MeetingsAppModule, MEETINGS_SERVICE_DESCRIPTION],
      ['training', TrainingAppModule, TRAINING_SERVICE_DESCRIPTION],
      ['analytics', AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
    ] as const) {
      process.env.MONGODB_DB = isolation.dbName(name);
      apps[name] = await createServiceApp(module, description);
      recorded[name] = recordAnswers(apps[name]);
      await apps[name].init();
    }
    delete process.env.MONGODB_DB;
    for (const name of Object.keys(apps) as Name[]) {
      await waitFor(async () => (await http(name).get('/health/ready')).status === 200, {
        what: `${name} ready`,
        timeoutMs: 45_000,
      });
    }
  }, 150_000);
  afterAll(async () => {
    for (const app of Object.values(apps).reverse()) await app?.close();
  });

  it('drives all of them to a success and every answer matches its schema', async () => {
    const areas = [
      { code: 'IN', level: 'national', nameEn: 'India', nameHi: 'भारत' },
      { code: 'UP', level: 'state', parentId: 'IN', nameEn: 'Uttar Pradesh', nameHi: 'उत्तर प्रदेश' },
      { code: 'UP-Z-A', level: 'zone', parentId: 'UP', nameEn: 'Agra division' },
      { code: 'UP-D-ONE', level: 'district', parentId: 'UP-Z-A', nameEn: 'Agra', nameHi: 'आगरा' },
      { code: 'UP-LS-18', level: 'lok-sabha', parentId: 'UP', nameEn: 'Agra', seatClass: 'strong' },
      {
        code: 'UP-AC-086',
        level: 'assembly',
        parentId: 'UP-D-ONE',
        nameEn: 'Agra Cantt.',
        lokSabhaId: 'UP-LS-18',
        seatClass: 'weak',
      },
      { code: 'UP-AC-086-M01', level: 'mandal', parentId: 'UP-AC-086', nameEn: 'Shahganj', nameHi: 'शाहगंज' },
      { code: 'UP-AC-086-M02', level: 'mandal', parentId: 'UP-AC-086', nameEn: 'Lohamandi' },
      { code: 'UP-AC-086-M01-S01', level: 'sector', parentId: 'UP-AC-086-M01', nameEn: 'Sector 1' },
      {
        code: 'UP-AC-086-B0001',
        level: 'booth',
        parentId: 'UP-AC-086-M01-S01',
        nameEn: 'Booth 1',
        voterCount: 900,
      },
    ];
    await call('org', http('org').post('/imports/areas'), ADMIN, areas);
    await call(
      'org',
      http('org').post('/imports/members'),
      ADMIN,
      ['राम कुमार', 'सीता देवी', 'Mohd. Arif'].map((name, i) => ({
        phone: `+9198130000${10 + i}`,
        name,
        kind: 'worker',
        areaId: i === 2 ? 'UP-AC-086-M02' : 'UP-AC-086-B0001',
      })),
    );
    const members = (await call('org', http('org').get('/members?limit=10'), ADMIN)).body.items as {
      id: string;
      areaId: string;
    }[];
    const [one, two] = members.filter((m) => m.areaId === 'UP-AC-086-B0001');
    const three = members.find((m) => m.areaId === 'UP-AC-086-M02')!;
    await call('org', http('org').put('/positions/mandal-president/UP-AC-086-M01'), ADMIN, {
      memberId: one.id,
    });
    await call('org', http('org').put('/positions/mandal-president/UP-AC-086-M02'), ADMIN, {
      memberId: three.id,
    });
    const member = (m: { id: string; areaId: string }) =>
      bearer({ sub: m.id, roles: ['booth-worker'], areaId: m.areaId, areaPath: ['IN', 'UP', 'UP-Z-A'] });

    // Meetings.
    const meetings = (method: 'get' | 'post' | 'put' | 'patch', path: string) =>
      http('meetings')[method](path);
    const scheduled = await waitFor(
      async () => {
        const res = await meetings('post', '/meetings')
          .set('Authorization', PRESIDENT)
          .send({
            kind: 'booth-committee',
            title: 'शाहगंज बूथ समिति बैठक',
            areaId: 'UP-AC-086-M01',
            scheduledStart: minutes(-30),
            scheduledEnd: minutes(30),
          });
        return res.status === 201 ? (res.body as { id: string }) : undefined;
      },
      { what: 'meetings to know the mandal', timeoutMs: 45_000 },
    );
    const id = scheduled.id;
    await call('meetings', meetings('patch', `/meetings/${id}`), PRESIDENT, { agenda: 'बूथ समिति का गठन' });
    const qr = (await call('meetings', meetings('post', `/meetings/${id}/qr`), PRESIDENT)).body;
    await waitFor(
      async () =>
        (
          await meetings('post', `/meetings/${id}/check-in`)
            .set('Authorization', member(one))
            .send({ token: qr.token })
        ).status === 200,
      { what: 'a QR check-in', timeoutMs: 30_000 },
    );
    await waitFor(
      async () =>
        (
          await meetings('post', `/meetings/${id}/attendance`)
            .set('Authorization', PRESIDENT)
            .send({ attendees: [{ memberId: two.id }], headcount: 3 })
        ).status === 200,
      { what: 'meetings to know the members', timeoutMs: 30_000 },
    );
    await call('meetings', meetings('post', `/meetings/${id}/held`), PRESIDENT, {
      start: minutes(-30),
      end: minutes(-2),
      headcount: 5,
    });
    const exifTime = new Date(Date.now() - 20 * 60_000 + 330 * 60_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ')
      .replace(/-/g, ':');
    const jpeg = buildExifJpeg(
      { dateTimeOriginal: exifTime, gps: { lat: 27.18, lon: 78.01 } },
      { sizeBytes: 4096 },
    );
    const uploaded = await meetings('post', `/meetings/${id}/photos`)
      .set('Authorization', PRESIDENT)
      .attach('photo', jpeg, { filename: 'samiti.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const photo = uploaded.body.photos[0].id as string;
    await call('meetings', meetings('post', `/photos/${photo}/review`), ADMIN, {
      decision: 'verify',
      note: 'ठीक',
    });
    await call('meetings', meetings('get', `/meetings/${id}`), ADMIN);
    await call('meetings', meetings('get', `/meetings/${id}/photos`), ADMIN);
    await call('meetings', meetings('get', `/photos/${photo}`), ADMIN);
    await file('meetings', meetings('get', `/photos/${photo}/content`), '/photos/{id}/content');
    const later = await call('meetings', meetings('post', '/meetings'), PRESIDENT, {
      kind: 'review',
      title: 'Review of office bearers',
      areaId: 'UP-AC-086-M01',
      scheduledStart: minutes(2 * 24 * 60),
      scheduledEnd: minutes(2 * 24 * 60 + 60),
    });
    await call('meetings', meetings('post', `/meetings/${later.body.id}/cancel`), PRESIDENT, {
      reason: 'बारिश',
    });
    const today = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
    await call('meetings', meetings('get', '/meetings?areaId=UP-D-ONE'), ADMIN);
    await call('meetings', meetings('get', `/calendar?areaId=UP-D-ONE&from=${today}&to=${today}`), ADMIN);
    await call('meetings', meetings('get', '/areas/UP-AC-086-M01'), ADMIN);
    await call('meetings', meetings('put', '/areas/UP-AC-086-M01/geo'), ADMIN, {
      geo: { kind: 'circle', lat: 27.18, lon: 78.01, radiusKm: 20 },
    });
    await call('meetings', meetings('put', '/vc-rooms/UP-D-ONE'), ADMIN, {
      name: 'Agra VC room',
      status: 'connected',
    });
    await call('meetings', meetings('get', '/vc-rooms'), ADMIN);
    await call('meetings', meetings('put', '/quota-rules/mandal-president'), ADMIN, {
      minMeetings: 1,
      targetMeetings: 2,
    });
    await call('meetings', meetings('post', '/quotas/evaluations'), ADMIN, {
      day: today,
      areaId: 'UP-D-ONE',
    });
    await call(
      'meetings',
      meetings('get', `/quotas/compliance?areaId=UP-D-ONE&from=${today}&to=${today}`),
      ADMIN,
    );

    // Training: one session per mandal for its mandal president.
    const training = (method: 'get' | 'post' | 'patch', path: string) => http('training')[method](path);
    const programme = (
      await call('training', training('post', '/programmes'), ADMIN, {
        title: 'Mandal presidents: booth committees',
        titleHi: 'मंडल अध्यक्ष प्रशिक्षण',
        rootAreaId: 'UP-AC-086',
        windowStart: minutes(-120),
        windowEnd: minutes(7 * 24 * 60),
        audience: { positions: ['mandal-president'], areaLevels: ['mandal'] },
        sessionPlan: { kind: 'per-area', level: 'mandal' },
        targetRule: { kind: 'fixed', value: 10 },
        schedule: { firstSessionAt: minutes(10), durationMinutes: 120 },
        passScore: 60,
      })
    ).body as { id: string };
    await waitFor(
      async () =>
        (await training('get', `/programmes/${programme.id}`).set('Authorization', ADMIN)).body
          .invitedCount === 2,
      { what: 'both mandal presidents invited', timeoutMs: 45_000 },
    );
    const sessions = (await call('training', training('get', `/programmes/${programme.id}/sessions`), ADMIN))
      .body.items as { id: string; areaId: string }[];
    const first = sessions.find((s) => s.areaId === 'UP-AC-086-M01')!.id;
    const second = sessions.find((s) => s.areaId === 'UP-AC-086-M02')!.id;
    await call('training', training('get', '/programmes'), ADMIN);
    await call('training', training('get', `/sessions/${first}`), ADMIN);
    await call('training', training('get', `/sessions/${first}/participants`), ADMIN);
    await call('training', training('post', `/sessions/${first}/registrations`), member(one), {});
    await call('training', training('get', `/sessions/${first}/participants/${one.id}`), ADMIN);
    const token = (
      await call('training', training('get', `/sessions/${first}/participants/${one.id}/qr-token`), ADMIN)
    ).body.token as string;
    await call('training', training('post', `/sessions/${first}/check-ins`), ADMIN, { qrToken: token });
    await call('training', training('post', `/sessions/${first}/hold`), ADMIN);
    await call('training', training('post', `/sessions/${first}/completions`), ADMIN, {
      memberId: one.id,
      score: 80,
    });
    await call('training', training('post', `/sessions/${first}/feedback`), member(one), {
      rating: 5,
      comment: 'बहुत उपयोगी',
    });
    await file(
      'training',
      training('get', `/sessions/${first}/participants/${one.id}/certificate`),
      '/sessions/{id}/participants/{memberId}/certificate',
    );
    await call('training', training('patch', `/sessions/${second}/schedule`), ADMIN, {
      startsAt: minutes(24 * 60),
      endsAt: minutes(24 * 60 + 120),
    });
    await call('training', training('post', `/sessions/${second}/declines`), ADMIN, { memberId: three.id });
    await call('training', training('post', `/sessions/${second}/cancel`), ADMIN, {
      reason: 'merged with Shahganj',
    });
    await call('training', training('get', `/programmes/${programme.id}/report`), ADMIN);
    await call('training', training('get', `/programmes/${programme.id}/no-shows`), ADMIN);

    // Analytics.
    const analytics = (method: 'get' | 'post', path: string) => http('analytics')[method](path);
    await waitFor(
      async () => (await analytics('get', '/areas/UP-AC-086-B0001').set('Authorization', ADMIN)).ok,
      {
        what: 'analytics to know the booth',
        timeoutMs: 45_000,
      },
    );
    for (const path of [
      '/areas/UP-AC-086',
      '/areas/UP-AC-086-M01/momentum',
      '/areas/UP-AC-086/momentum/children',
      '/areas/UP-AC-086-M01/momentum/history?days=3',
      '/areas/UP-D-ONE/momentum/laggards?level=mandal',
      '/momentum/leaderboard?level=mandal',
      '/momentum/seat-classes',
      '/momentum/status',
    ])
      await call('analytics', analytics('get', path), ADMIN);
    await call('analytics', analytics('post', '/momentum/replay'), ADMIN);
    // The live stream answers text/event-stream; once=true sends one snapshot and ends, so it can be read whole.
    await file(
      'analytics',
      analytics('get', '/areas/UP-D-ONE/momentum/stream?level=mandal&once=true'),
      '/areas/{id}/momentum/stream',
    );

    const problems: string[] = [];
    for (const name of ['meetings', 'training', 'analytics'] as const) {
      const contract = await OpenApiResponses.of(
        (await http(name).get('/docs/openapi.json').expect(200)).body as OpenApiDocument,
      );
      const answers = [...recorded[name], ...checked[name]];
      const answered = new Set(answers.filter((a) => a.status < 300).map((a) => `${a.method} ${a.path}`));
      for (const [method, path] of contract.operations())
        if (!path.startsWith('/health') && !answered.has(`${method} ${path}`))
          problems.push(`${name}: ${method.toUpperCase()} ${path} got no success answer`);
      for (const a of answers)
        for (const problem of contract.problems(a.method, a.path, a))
          problems.push(`${name}: ${a.method.toUpperCase()} ${a.path}: ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
