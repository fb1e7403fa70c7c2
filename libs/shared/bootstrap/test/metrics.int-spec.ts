import type { INestApplication } from '@nestjs/common';
import { bearer, isolateTest, NATIONAL_ADMIN, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { createServiceApp } from '../src';
import { MeteredNotesModule } from './metered-notes.module';

const SERVICE = { name: 'notes', title: 'Notes', description: 'test service', defaultPort: 0 };

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Prometheus text format: `name{label="value",…} number` per line; comments skipped. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** Sum of a metric's samples whose labels include `where`; undefined when no sample matches. */
function total(samples: Sample[], name: string, where: Record<string, string> = {}): number | undefined {
  const matching = samples.filter(
    (s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v),
  );
  return matching.length === 0 ? undefined : matching.reduce((sum, s) => sum + s.value, 0);
}

describe('/metrics after traffic, on the real broker and database', () => {
  const isolation = isolateTest('metrics');
  let app: INestApplication;
  const scrape = async () => parse((await request(app.getHttpServer()).get('/metrics').expect(200)).text);

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName('notes');
    app = await createServiceApp(MeteredNotesModule, SERVICE);
    await app.init();
    await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'ready',
      timeoutMs: 30_000,
    });
  });
  afterAll(async () => {
    delete process.env.MONGODB_DB;
    await app?.close();
  });

  it('exposes HTTP, outbox, consumer, dead-letter and process series, and the counters move with traffic', async () => {
    const before = await scrape();
    const server = app.getHttpServer();
    for (const text of ['one', 'two', 'three', 'poison']) {
      await request(server)
        .post('/notes')
        .set('Authorization', bearer(NATIONAL_ADMIN))
        .send({ text, areaId: 'IN' })
        .expect(201);
    }
    await request(server).get('/notes/no-such-note').set('Authorization', bearer(NATIONAL_ADMIN)).expect(404);
    const grew = (samples: typeof before, name: string, where: Record<string, string>, by: number) =>
      (total(samples, name, where) ?? 0) - (total(before, name, where) ?? 0) >= by;
    const after = await waitFor(
      async () => {
        const now = await scrape();
        // The relay counts after the broker's acknowledgement, which may come after the consumer saw the events.
        const settled =
          grew(now, 'outbox_events_published_total', { collection: 'notes' }, 4) &&
          grew(now, 'messaging_events_consumed_total', { group: 'notes-metrics', outcome: 'applied' }, 3) &&
          grew(now, 'messaging_dead_letters_total', { group: 'notes-metrics', reason: 'poison-note' }, 1);
        return settled ? now : undefined;
      },
      {
        what: 'the notes published, consumed and the poison dead-lettered',
        timeoutMs: 30_000,
        intervalMs: 250,
      },
    );

    const created = { http_route: '/notes', http_request_method: 'POST', http_response_status_code: '201' };
    expect(
      (total(after, 'http_server_request_duration_seconds_count', created) ?? 0) -
        (total(before, 'http_server_request_duration_seconds_count', created) ?? 0),
    ).toBe(4);
    expect(total(after, 'http_server_request_duration_seconds_bucket', { ...created, le: '+Inf' })).toBe(
      total(after, 'http_server_request_duration_seconds_count', created),
    );
    expect(
      total(after, 'http_server_request_duration_seconds_count', {
        http_route: '/notes/:id',
        http_response_status_code: '404',
      }),
    ).toBe(1);
    expect(total(after, 'outbox_backlog_documents', { collection: 'notes' })).toBeGreaterThanOrEqual(0);
    expect(grew(after, 'messaging_process_duration_seconds_count', { group: 'notes-metrics' }, 1)).toBe(true);
    const lag = after.filter(
      (s) =>
        s.name === 'messaging_consumer_lag' &&
        s.labels.group === 'notes-metrics' &&
        s.labels.topic === 'org.area.events',
    );
    expect(lag.length).toBeGreaterThan(0);
    expect(lag.every((s) => s.labels.partition !== undefined && s.value >= 0)).toBe(true);
    // Process defaults: CPU time moves with the work above; memory, event loop and heap are reported.
    expect(total(after, 'process_cpu_time_total')!).toBeGreaterThan(
      total(before, 'process_cpu_time_total') ?? 0,
    );
    expect(total(after, 'process_memory_usage')).toBeGreaterThan(0);
    expect(total(after, 'nodejs_eventloop_delay_p99')).toBeDefined();
    expect(total(after, 'v8js_memory_heap_used')).toBeGreaterThan(0);
  });
});
