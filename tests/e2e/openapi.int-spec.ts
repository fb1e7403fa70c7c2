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
} from '@sangathan/testing';
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

const SERVICES: [Type<unknown>, ServiceDescription][] = [
  [OrgAppModule, ORG_SERVICE_DESCRIPTION],
  [MeetingsAppModule, MEETINGS_SERVICE_DESCRIPTION],
  [PanelAppModule, PANEL_SERVICE_DESCRIPTION],
  [TrainingAppModule, TRAINING_SERVICE_DESCRIPTION],
  [AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
  [NotificationsAppModule, NOTIFICATIONS_SERVICE_DESCRIPTION],
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
