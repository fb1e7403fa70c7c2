import type { INestApplication } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import { bearer, isolateTest, NATIONAL_ADMIN, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { AppModule as AnalyticsAppModule } from '../../services/analytics/src/app.module';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../../services/analytics/src/service';
import { AppModule as PanelAppModule } from '../../services/candidates-panel/src/app.module';
import { PANEL_SERVICE_DESCRIPTION } from '../../services/candidates-panel/src/service';
import { OrgFeed } from '../../services/candidates-panel/test/org-feed';

const ADMIN = bearer(NATIONAL_ADMIN);
const COORDINATOR: Principal = {
  sub: 'zc1',
  roles: ['zone-coordinator'],
  areaId: 'Z1',
  areaPath: ['IN', 'UP'],
};
const COLLECTOR: Principal = {
  sub: 'col1',
  roles: ['district-president'],
  areaId: 'D1',
  areaPath: ['IN', 'UP', 'Z1'],
};

/**
 * A panel submitted in candidates-panel moves its seat's panel-progress component in analytics: org's hierarchy
 * reaches both services, candidates-panel publishes candidates.panel.opened / .submitted (counts only) through its
 * outbox, analytics folds them into the seat and its ancestors.
 */
describe('a submitted panel moves the seat’s momentum: candidates-panel → Kafka → analytics', () => {
  const isolation = isolateTest('panel-momentum');
  const feed = new OrgFeed();
  const apps: Record<'panel' | 'analytics', INestApplication> = {} as never;
  const http = (name: keyof typeof apps) => request(apps[name].getHttpServer());
  const panels = async (areaId: string) =>
    (await http('analytics').get(`/areas/${areaId}/momentum`).set('Authorization', ADMIN)).body.components
      ?.panels as { value: number | null; actual: number; expected: number } | undefined;

  beforeAll(async () => {
    await feed.start();
    for (const [name, module, description] of [
      ['panel', PanelAppModule, PANEL_SERVICE_DESCRIPTION],
      ['analytics', AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
    ] as const) {
      process.env.MONGODB_DB = isolation.dbName(name);
      apps[name] = await createServiceApp(module, description);
      await apps[name].init();
    }
    delete process.env.MONGODB_DB;
    for (const name of ['panel', 'analytics'] as const)
      await waitFor(async () => (await http(name).get('/health/ready')).status === 200, {
        what: `${name} ready`,
        timeoutMs: 60_000,
      });
    await feed
      .area('IN', 'national', null)
      .area('UP', 'state', 'IN')
      .area('Z1', 'zone', 'UP')
      .area('D1', 'district', 'Z1')
      .area('LS-1', 'lok-sabha', 'UP')
      .area('AC-1', 'assembly', 'D1', { lokSabhaId: 'LS-1' })
      .member('zc1', 'Zone Coordinator', null, 'D1')
      .member('col1', 'Collector', null, 'AC-1')
      .member('m1', 'राम प्रकाश यादव', null, 'AC-1')
      .member('m2', 'Sunita Verma', null, 'AC-1')
      .assign('zone-coordinator', 'Z1', 'zc1')
      .flush();
    await waitFor(
      async () => (await http('analytics').get('/areas/AC-1').set('Authorization', ADMIN)).status === 200,
      { what: 'analytics to know the seat', timeoutMs: 45_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await feed.stop();
    for (const app of Object.values(apps).reverse()) await app?.close();
  });

  it('shows an opened panel as 0 progress and a submitted one as its value, in the seat and the state', async () => {
    expect((await panels('LS-1'))?.value).toBeNull();
    const opened = await waitFor(
      async () => {
        const res = await http('panel')
          .post('/panels')
          .set('Authorization', bearer(COORDINATOR))
          .send({
            cycleId: 'LS-2029',
            seatId: 'LS-1',
            deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          });
        return res.status === 201 ? (res.body as { id: string }) : undefined;
      },
      { what: 'candidates-panel to know the seat and its coordinator', timeoutMs: 30_000 },
    );
    const open = await waitFor(
      async () => {
        const c = await panels('LS-1');
        return c && c.value !== null ? c : undefined;
      },
      { what: 'the opened panel in the seat score', timeoutMs: 30_000 },
    );
    expect(open).toMatchObject({ value: 0, actual: 0 });
    expect(open.expected).toBeGreaterThan(0.9);

    const zc = bearer(COORDINATOR);
    const ids: string[] = [];
    for (const memberId of ['m1', 'm2']) {
      const res = await http('panel')
        .post(`/panels/${opened.id}/prospects`)
        .set('Authorization', zc)
        .send({ kind: 'member', memberId });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    await http('panel')
      .post(`/panels/${opened.id}/collectors`)
      .set('Authorization', zc)
      .send({ memberIds: ['col1'] })
      .expect(200);
    for (let i = 0; i < 3; i++)
      await http('panel')
        .post(`/panels/${opened.id}/feedback`)
        .set('Authorization', bearer(COLLECTOR))
        .send({
          prospectId: ids[i % 2],
          source: 'worker',
          ratings: { winnability: 4, organisationalStrength: 3, publicImage: 4, loyalty: 5 },
          text: 'अच्छा काम',
        })
        .expect(201);
    await http('panel')
      .post(`/panels/${opened.id}/proposal`)
      .set('Authorization', zc)
      .send({ entries: ids.map((prospectId) => ({ prospectId, rationale: 'ज़मीनी पकड़' })) })
      .expect(200);
    await http('panel').post(`/panels/${opened.id}/submit`).set('Authorization', zc).expect(200);

    // On time with 3 of the 30 feedback pieces a full value asks for: 1 × (0.5 + 0.5 × 3/30) = 0.55.
    const submitted = await waitFor(
      async () => {
        const c = await panels('LS-1');
        return c && c.actual > 0 ? c : undefined;
      },
      { what: 'the submitted panel in the seat score', timeoutMs: 30_000 },
    );
    expect(submitted.value).toBeCloseTo(0.55, 2);
    expect((await panels('UP'))?.value).toBeCloseTo(0.55, 2);
  });
});
