import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createServiceApp } from '@sangathan/bootstrap';
import { bearer, isolateTest, NATIONAL_ADMIN, waitFor } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { AppModule as AnalyticsAppModule } from '../../services/analytics/src/app.module';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../../services/analytics/src/service';
import { AppModule as OrgAppModule } from '../../services/org/src/app.module';
import { ORG_SERVICE_DESCRIPTION } from '../../services/org/src/service';

/**
 * The backbone end to end: an HTTP write in org lands in MongoDB with its event in the same
 * document, the relay publishes it to Kafka, analytics consumes and applies it, and one trace
 * spans the request, the publish and the consumption.
 */
describe('walking skeleton: org → outbox → Kafka → analytics', () => {
  const spans = new InMemorySpanExporter();
  const isolation = isolateTest('skeleton');
  let org: INestApplication;
  let analytics: INestApplication;

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName('org');
    org = await createServiceApp(OrgAppModule, ORG_SERVICE_DESCRIPTION, { spanExporter: spans });
    await org.init();
    process.env.MONGODB_DB = isolation.dbName('analytics');
    analytics = await createServiceApp(AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION, {
      spanExporter: spans,
    });
    await analytics.init();
    delete process.env.MONGODB_DB;
    for (const app of [org, analytics]) {
      await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, {
        what: 'readiness',
        timeoutMs: 45_000,
      });
    }
  });

  afterAll(async () => {
    await analytics?.close();
    await org?.close();
  });

  it('carries an area created over HTTP into the analytics read model within one trace', async () => {
    const auth = bearer(NATIONAL_ADMIN);
    await request(org.getHttpServer())
      .post('/areas')
      .set('Authorization', auth)
      .send({ code: 'IN', level: 'national', parentId: null, nameEn: 'India', nameHi: 'भारत' })
      .expect(201);
    const created = await request(org.getHttpServer())
      .post('/areas')
      .set('Authorization', auth)
      .send({ code: 'UP', level: 'state', parentId: 'IN', nameEn: 'Uttar Pradesh', nameHi: 'उत्तर प्रदेश' })
      .expect(201);
    const requestTraceId = String(created.headers.traceparent).split('-')[1];

    const known = await waitFor(
      async () => {
        const res = await request(analytics.getHttpServer()).get('/areas/UP').set('Authorization', auth);
        return res.status === 200 ? res.body : undefined;
      },
      { what: 'analytics to learn about UP' },
    );

    expect(known).toMatchObject({
      id: 'UP',
      level: 'state',
      parentId: 'IN',
      ancestors: ['IN'],
      nameHi: 'उत्तर प्रदेश',
    });
    const kinds = spans
      .getFinishedSpans()
      .filter((span) => span.spanContext().traceId === requestTraceId)
      .map((span) => span.name);
    expect(kinds).toEqual(
      expect.arrayContaining(['POST /areas', 'org.area.events publish', 'org.area.events process']),
    );
  });

  it('leaves no event behind in the org outbox once published', async () => {
    const areas = org.get<Connection>(getConnectionToken()).collection('areas');
    await waitFor(async () => (await areas.countDocuments({ 'outbox.0': { $exists: true } })) === 0, {
      what: 'outbox drained',
    });
    expect(await areas.countDocuments({ outboxDueAt: { $exists: true } })).toBe(0);
  });
});
