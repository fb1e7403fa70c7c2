import type { INestApplication } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import { bearer, isolateTest, NATIONAL_ADMIN, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { AppModule as AnalyticsAppModule } from '../../services/analytics/src/app.module';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../../services/analytics/src/service';
import { AppModule as MeetingsAppModule } from '../../services/meetings/src/app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from '../../services/meetings/src/service';
import { toCsv } from '../../services/org/src/common/csv';
import { AppModule as OrgAppModule } from '../../services/org/src/app.module';
import { ORG_SERVICE_DESCRIPTION } from '../../services/org/src/service';

const ADMIN = bearer(NATIONAL_ADMIN);
const PRESIDENT: Principal = {
  sub: 'dp-one',
  roles: ['district-president'],
  areaId: 'UP-D-ONE',
  areaPath: ['IN', 'UP', 'UP-Z-A'],
};
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/**
 * A meeting held over HTTP in meetings reaches the momentum score in analytics: org's hierarchy flows to both
 * services, meetings publishes meetings.meeting.held through its outbox, analytics folds it into the mandal's
 * and every ancestor's meetings and attendance components.
 */
describe('a held meeting moves the momentum score: org → meetings → Kafka → analytics', () => {
  const isolation = isolateTest('meeting-momentum');
  const apps: Record<'org' | 'meetings' | 'analytics', INestApplication> = {} as never;
  const http = (name: keyof typeof apps) => request(apps[name].getHttpServer());
  const momentum = async (areaId: string) =>
    (await http('analytics').get(`/areas/${areaId}/momentum`).set('Authorization', ADMIN)).body;

  beforeAll(async () => {
    for (const [name, module, description] of [
      ['org', OrgAppModule, ORG_SERVICE_DESCRIPTION],
      ['meetings', MeetingsAppModule, MEETINGS_SERVICE_DESCRIPTION],
      ['analytics', AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
    ] as const) {
      process.env.MONGODB_DB = isolation.dbName(name);
      apps[name] = await createServiceApp(module, description);
      await apps[name].init();
    }
    delete process.env.MONGODB_DB;
    for (const name of ['org', 'meetings', 'analytics'] as const) {
      await waitFor(async () => (await http(name).get('/health/ready')).status === 200, {
        what: `${name} ready`,
        timeoutMs: 45_000,
      });
    }
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
        seatClass: 'strong',
      },
      {
        code: 'UP-AC-086-M01',
        level: 'mandal',
        parentId: 'UP-AC-086',
        nameEn: 'Shahganj Mandal',
        nameHi: 'शाहगंज मंडल',
      },
      { code: 'UP-AC-086-M01-S01', level: 'sector', parentId: 'UP-AC-086-M01', nameEn: 'Sector 1' },
      ...['B0001', 'B0002', 'B0003'].map((b) => ({
        code: `UP-AC-086-${b}`,
        level: 'booth',
        parentId: 'UP-AC-086-M01-S01',
        nameEn: `Booth ${b}`,
        voterCount: 900,
      })),
    ];
    const header = ['code', 'level', 'parentId', 'nameEn', 'nameHi', 'seatClass', 'lokSabhaId', 'voterCount'];
    const imported = await http('org')
      .post('/imports/areas')
      .set('Authorization', ADMIN)
      .set('content-type', 'text/csv')
      .send(toCsv(header, rows));
    expect([imported.status, imported.body.error]).toEqual([200, undefined]);
    await waitFor(
      async () =>
        (await http('analytics').get('/areas/UP-AC-086-B0003').set('Authorization', ADMIN)).status === 200,
      {
        what: 'analytics to know the booths',
        timeoutMs: 45_000,
      },
    );
  }, 150_000);

  afterAll(async () => {
    for (const app of Object.values(apps).reverse()) await app?.close();
  });

  it('shows the meeting in the mandal and its ancestors once it is recorded held', async () => {
    const before = await momentum('UP-AC-086-M01');
    expect(before.components.meetings.actual).toBe(0);
    const auth = bearer(PRESIDENT);
    const meeting = await waitFor(
      async () => {
        const res = await http('meetings')
          .post('/meetings')
          .set('Authorization', auth)
          .send({
            kind: 'booth-committee',
            title: 'शाहगंज बूथ समिति बैठक',
            areaId: 'UP-AC-086-M01',
            scheduledStart: minutesAgo(90),
            scheduledEnd: minutesAgo(30),
          });
        return res.status === 201 ? (res.body as { id: string }) : undefined;
      },
      { what: 'meetings to know the mandal', timeoutMs: 30_000 },
    );
    await http('meetings')
      .post(`/meetings/${meeting.id}/held`)
      .set('Authorization', auth)
      .send({ start: minutesAgo(85), end: minutesAgo(35), headcount: 14 })
      .expect(200);

    const after = await waitFor(
      async () => {
        const score = await momentum('UP-AC-086-M01');
        return score.components.meetings.actual > 0 ? score : undefined;
      },
      { what: 'the held meeting in the mandal score', timeoutMs: 30_000 },
    );
    expect(after.components.meetings.actual).toBeGreaterThan(1.4); // a booth-committee meeting counts 1.5, decayed a little
    expect(after.components.attendance.actual).toBeGreaterThan(13);
    for (const ancestor of ['UP-AC-086', 'UP-D-ONE', 'UP']) {
      expect((await momentum(ancestor)).components.meetings.actual).toBeCloseTo(
        after.components.meetings.actual,
        6,
      );
    }
  });
});
