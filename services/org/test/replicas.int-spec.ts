import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@sangathan/bootstrap';
import { OutboxRelay } from '@sangathan/messaging';
import { waitFor } from '@sangathan/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { ORG_SERVICE_DESCRIPTION } from '../src/service';
import { ADMIN, OrgHarness } from './org-harness';

/** Two replicas of org against one database and one consumer group, writing the same booth at once. */
describe('two org replicas writing the same aggregates', () => {
  const org = new OrgHarness('org-replicas');
  let second: INestApplication;
  const people: string[] = [];
  const replicas = () => [org.http(), request(second.getHttpServer())];

  beforeAll(async () => {
    await org.start();
    await org.seedTree();
    for (let i = 0; i < 30; i++)
      people.push(
        await org.member('UP-AC-001-B0001', `98200000${String(i).padStart(2, '0')}`, `स्वयंसेवक ${i}`, null),
      );
    process.env.MONGODB_DB = org.db().name;
    second = await createServiceApp(AppModule, ORG_SERVICE_DESCRIPTION);
    await second.init();
    delete process.env.MONGODB_DB;
    await waitFor(async () => (await request(second.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'second replica ready',
      timeoutMs: 45_000,
    });
  });
  afterAll(async () => {
    await second
      ?.get(OutboxRelay)
      .drainOnce()
      .catch(() => undefined);
    await second?.close();
    await org.stop();
  });

  it('keeps every volunteer and every event when 30 are added to one booth through both replicas at once', async () => {
    const events = await org.probe('org.booth.events');
    const added = await Promise.all(
      people.map((memberId, n) =>
        replicas()
          [n % 2]!.post('/booths/UP-AC-001-B0001/volunteers')
          .set('Authorization', ADMIN)
          .send({ memberId }),
      ),
    );
    expect(added.map((r) => r.status)).toEqual(Array(people.length).fill(200));
    for (const replica of replicas()) {
      const booth = await replica.get('/booths/UP-AC-001-B0001').set('Authorization', ADMIN).expect(200);
      expect(booth.body.volunteerCount).toBe(people.length);
    }
    // One org.volunteer.added per member after deduplication by eventId, and the counts 1..30 each once.
    const published = await waitFor(
      () => {
        const seen = new Set<string>();
        const mine = events.messages
          .map(
            (m) =>
              JSON.parse(m.value) as {
                eventId: string;
                type: string;
                payload: { memberId: string; volunteerCount: number };
              },
          )
          .filter((e) => e.type === 'org.volunteer.added' && !seen.has(e.eventId) && seen.add(e.eventId));
        return mine.length >= people.length ? mine : undefined;
      },
      { what: `${people.length} org.volunteer.added events`, timeoutMs: 30_000 },
    );
    expect(published).toHaveLength(people.length);
    expect(new Set(published.map((e) => e.payload.memberId))).toEqual(new Set(people));
    expect(published.map((e) => e.payload.volunteerCount).sort((a, b) => a - b)).toEqual(
      Array.from({ length: people.length }, (_, n) => n + 1),
    );
  });
});
