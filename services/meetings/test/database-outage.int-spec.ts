import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventEnvelope } from '@sangathan/contracts';
import { TopicProbe, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { inMinutes, LKO_PRESIDENT, startMeetings, type Harness } from './support/harness';

const root = join(__dirname, '..', '..', '..');
const infraEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  // The fault profile's own ports and processes, whatever the test run's infrastructure is.
  for (const name of [
    'KAFKA_BROKERS',
    'MONGODB_URI',
    'SANGATHAN_KAFKA_PORT',
    'SANGATHAN_KAFKA_CONTROLLER_PORT',
    'SANGATHAN_KAFKA_SASL_PORT',
    'SANGATHAN_POSTGRES_PORT',
    'SANGATHAN_MONGO_PORT',
  ]) {
    delete env[name];
  }
  return env;
};
/** The local infrastructure's own command on the `fault` profile: a database this test may kill. */
function infra(command: 'start' | 'stop' | 'env'): string {
  const run = spawnSync(
    process.execPath,
    [join(root, 'infra', 'local', 'infra.mjs'), command, '--profile', 'fault'],
    { cwd: root, env: infraEnv(), encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`infra ${command} --profile fault failed: ${run.stderr}`);
  return run.stdout;
}
const pidOf = (component: 'ferretdb' | 'postgres') =>
  Number(
    readFileSync(
      join(root, '.local', 'fault', component, component === 'postgres' ? 'postgresql.pid' : 'ferretdb.pid'),
      'utf8',
    ),
  );

/**
 * SIGKILL of FerretDB, then of PostgreSQL, while meetings are being scheduled: the service answers 503 (never
 * another 5xx) while the database is down, recovers by itself once it is back, and every meeting it
 * acknowledged (201) is stored and published.
 */
describe('meetings through a database crash', () => {
  let h: Harness;
  let probe: TopicProbe;
  const testUri = process.env.MONGODB_URI;

  beforeAll(async () => {
    infra('start');
    process.env.MONGODB_URI = /^MONGODB_URI=(.*)$/m.exec(infra('env'))![1];
    h = await startMeetings('mtg-outage');
    probe = await new TopicProbe(`${h.topicPrefix}meetings.meeting.events`).start();
  }, 120_000);

  afterAll(async () => {
    await probe?.stop();
    await h?.close();
    process.env.MONGODB_URI = testUri;
    infra('stop');
  }, 60_000);

  it('answers 503 while FerretDB or PostgreSQL is down, recovers alone and loses nothing it acknowledged', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let running = true;
    const schedule = async (n: number) => {
      const res = await request(h.app.getHttpServer())
        .post('/meetings')
        .set('Authorization', h.auth(LKO_PRESIDENT))
        .send({
          kind: 'booth-committee',
          title: `बैठक ${n}`,
          areaId: 'AC-173',
          scheduledStart: inMinutes(60),
          scheduledEnd: inMinutes(120),
        });
      statuses.push(res.status);
      if (res.status === 201) acknowledged.push(res.body.id as string);
    };
    const load = Promise.all(
      Array.from({ length: 3 }, async (_, lane) => {
        for (let n = lane; running; n += 3) {
          await schedule(n);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }),
    );
    const okSince = (mark: number) =>
      waitFor(() => statuses.slice(mark).includes(201), {
        what: 'a meeting acknowledged',
        timeoutMs: 60_000,
      });
    const outageSince = (mark: number) =>
      waitFor(() => statuses.slice(mark).includes(503), {
        what: 'a 503 during the outage',
        timeoutMs: 30_000,
      });
    try {
      await okSince(0);
      for (const component of ['ferretdb', 'postgres'] as const) {
        const mark = statuses.length;
        process.kill(pidOf(component), 'SIGKILL');
        await outageSince(mark);
        expect((await request(h.app.getHttpServer()).get('/health/ready')).status).toBe(503);
        infra('start');
        await okSince(statuses.length);
      }
    } finally {
      running = false;
      await load;
    }
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(3);
    const stored = await h.db.collection('meetings').countDocuments({ _id: { $in: acknowledged } } as never);
    expect(stored).toBe(acknowledged.length);
    await waitFor(
      () => {
        const published = new Set(
          probe.messages.map(
            (m) => (JSON.parse(m.value) as EventEnvelope).type === 'meetings.meeting.scheduled' && m.key,
          ),
        );
        return acknowledged.every((id) => published.has(id));
      },
      { what: 'every acknowledged meeting published', timeoutMs: 60_000 },
    );
  }, 180_000);
});
