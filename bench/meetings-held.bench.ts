// Recording held meetings with ~20 named attendees each.
//   npm run bench -- meetings-held            # 1,000 meetings, then 10 s at 200 req/s (fits a shared laptop)
//   npm run bench -- meetings-held --full     # 10,000 meetings, 50 s at 200 req/s
//   options: --meetings N --rate R --seconds S --concurrency C
// Phase 1 (throughput): schedule N meetings, then record all N held as fast as C clients can.
// Phase 2 (latency): a fresh set of meetings is recorded held at a steady R requests/s (open loop:
// requests are sent on schedule whether or not earlier ones finished), p50/p95/p99 reported.
import {
  BENCH_INCHARGES,
  BENCH_WORKERS,
  call,
  cpuSeconds,
  outboxDrained,
  pool,
  startMeetingsService,
  type ServiceUnderTest,
} from './meetings-support';
import { argNumber, flag, percentile, report, runBench } from './bench-utils';
import { databaseCpuSeconds, databasePids } from './database-processes';

const full = flag('full');
const meetings = argNumber('meetings', full ? 10_000 : 1_000);
const rate = argNumber('rate', 200);
const seconds = argNumber('seconds', full ? 50 : 10);
const concurrency = argNumber('concurrency', 16);
const ATTENDEES = 20;

const iso = (offsetMin: number) => new Date(Date.now() + offsetMin * 60_000).toISOString();

async function scheduleMany(service: ServiceUnderTest, n: number): Promise<string[]> {
  const ids: string[] = new Array(n);
  await pool(n, concurrency, async (i) => {
    const res = await call(service.port, 'POST', '/meetings', {
      kind: 'daily-small',
      title: `bench meeting ${i}`,
      areaId: 'AC-173',
      organiserId: `incharge-${i % BENCH_INCHARGES}`,
      scheduledStart: iso(-120),
      scheduledEnd: iso(-60),
    });
    if (res.status !== 201) throw new Error(`schedule answered ${res.status}: ${res.body}`);
    ids[i] = (JSON.parse(res.body) as { id: string }).id;
  });
  return ids;
}

const heldBody = (i: number) => ({
  start: iso(-118),
  end: iso(-62),
  headcount: 5 + (i % 20),
  // Twenty consecutive workers of the roster: distinct within a meeting, half of them in the mandal.
  attendees: Array.from({ length: ATTENDEES }, (_, a) => ({
    memberId: `worker-${(i * ATTENDEES + a) % BENCH_WORKERS}`,
  })),
});

async function main(): Promise<void> {
  const service = await startMeetingsService('mtg-held');
  try {
    // Phase 1: throughput.
    let t = performance.now();
    console.error(`scheduling ${meetings} meetings…`);
    const ids = await scheduleMany(service, meetings);
    const scheduleMs = performance.now() - t;
    console.error(`scheduled in ${Math.round(scheduleMs)} ms; waiting for the outbox…`);
    await outboxDrained(service, ['meetings']);
    console.error('recording held…');
    const latencies: number[] = [];
    let errors = 0;
    const dbPids = databasePids();
    const dbCpu = databaseCpuSeconds;
    const cpuBefore = { service: cpuSeconds(service.pid), db: dbCpu() };
    t = performance.now();
    await pool(ids.length, concurrency, async (i) => {
      const res = await call(service.port, 'POST', `/meetings/${ids[i]}/held`, heldBody(i));
      latencies.push(res.ms);
      if (res.status !== 200) errors++;
    });
    const heldMs = performance.now() - t;
    const drain = await outboxDrained(service, ['meetings']);
    const cpu = { service: cpuSeconds(service.pid) - cpuBefore.service, db: dbCpu() - cpuBefore.db };
    const heldDocs = await service.mongo
      .db(service.db)
      .collection('meetings')
      .countDocuments({ status: 'held' }, { maxTimeMS: 20_000 })
      .catch(() => -1);
    latencies.sort((a, b) => a - b);
    report(
      `meetings-held: throughput (${meetings} meetings × ${ATTENDEES} named attendees, ${concurrency} concurrent clients)`,
      {
        'schedule: meetings/s': Math.round((meetings / scheduleMs) * 1000),
        'record held: meetings/s': Math.round((meetings / heldMs) * 1000),
        'record held: attendees/s': Math.round(((meetings * ATTENDEES) / heldMs) * 1000),
        'record held: p50 / p99 ms (saturated)': `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)}`,
        errors: errors,
        'meetings stored as held': heldDocs,
        'outbox: ms waited after last request / still pending': `${drain.ms} / ${drain.pending < 0 ? 'count timed out' : drain.pending}`,
        'CPU ms per held meeting: service / database': `${((cpu.service * 1000) / meetings).toFixed(1)} / ${dbPids.length ? ((cpu.db * 1000) / meetings).toFixed(1) : 'n/a'}`,
      },
    );

    // Phase 2: steady rate (--seconds 0 skips it).
    const total = rate * seconds;
    if (total === 0) return;
    const steadyIds = await scheduleMany(service, total);
    await outboxDrained(service, ['meetings']);
    const steady: number[] = [];
    let steadyErrors = 0;
    const steadyCpu = { service: cpuSeconds(service.pid), db: dbCpu(), client: process.cpuUsage() };
    const started = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(
        call(service.port, 'POST', `/meetings/${steadyIds[i]}/held`, heldBody(i)).then((res) => {
          steady.push(res.ms);
          if (res.status !== 200) steadyErrors++;
        }),
      );
    }
    await Promise.all(inflight);
    const elapsed = performance.now() - started;
    const client = process.cpuUsage(steadyCpu.client);
    const perRequest = (seconds: number) => ((seconds * 1000) / total).toFixed(1);
    steady.sort((a, b) => a - b);
    report(`meetings-held: latency at a steady ${rate} requests/s for ${seconds} s (open loop)`, {
      requests: total,
      'achieved rate (req/s)': Math.round((total / elapsed) * 1000),
      'p50 ms': percentile(steady, 50).toFixed(1),
      'p95 ms': percentile(steady, 95).toFixed(1),
      'p99 ms': percentile(steady, 99).toFixed(1),
      'max ms': Math.max(...steady).toFixed(1),
      errors: steadyErrors,
      'CPU ms per request: service / database / load generator': `${perRequest(cpuSeconds(service.pid) - steadyCpu.service)} / ${dbPids.length ? perRequest(dbCpu() - steadyCpu.db) : 'n/a'} / ${perRequest((client.user + client.system) / 1e6)}`,
    });
  } finally {
    await service.stop();
  }
}

runBench(main);
