// Check-in latency for one 5,000-person session at a sustained 100 check-ins/s (open loop: a
// request is sent every 10 ms whether or not earlier ones have answered, so slow answers show up
// as latency, not as a lower rate).
//   npm run bench -- training-checkin [--attendees 5000] [--rate 100] [--keep]
import { argNumber, percentile, rate, report, runBench } from './bench-utils';
import { api, startTrainingService, until } from './training-support';

const EVENT_ID = '00000000-0000-7000-8000-000000000000';

async function main(): Promise<void> {
  const attendees = argNumber('attendees', 5000);
  const perSecond = argNumber('rate', 100);
  const id = `bench-checkin-${Date.now().toString(36)}`;
  const service = await startTrainingService(id, argNumber('port', 3915), async (db) => {
    const doc = (id: string, level: string, ancestors: string[], extra = {}) => ({
      _id: id,
      level,
      parentId: ancestors.at(-1) ?? null,
      ancestors,
      nameEn: id,
      nameHi: null,
      lokSabhaId: null,
      boothCount: null,
      voterCount: null,
      lastEventId: EVENT_ID,
      ...extra,
    });
    await db
      .collection('known_areas')
      .insertMany([
        doc('IN', 'national', []),
        doc('UP', 'state', ['IN']),
        doc('UP-LS-01', 'lok-sabha', ['IN', 'UP'], { boothCount: 2000 }),
      ] as never[]);
    const members = [];
    const positions = [];
    for (let i = 0; i < attendees; i++) {
      const areaId = `UP-LS-01-X${i}`;
      members.push({
        _id: `M${i}`,
        name: `Worker ${i}`,
        nameAlt: null,
        status: 'active',
        areaId,
        ancestors: ['IN', 'UP', 'UP-LS-01'],
        lastEventId: EVENT_ID,
      });
      positions.push({
        _id: `it-cell-sector:${areaId}`,
        type: 'it-cell-sector',
        areaId,
        ancestors: ['IN', 'UP', 'UP-LS-01'],
        memberId: `M${i}`,
        lastEventId: EVENT_ID,
      });
    }
    await db.collection('known_members').insertMany(members as never[]);
    await db.collection('known_positions').insertMany(positions as never[]);
  });
  try {
    const now = Date.now();
    const created = await api<{ id: string }>(`${service.url}/programmes`, 'POST', {
      title: 'February convention of booth IT workers',
      rootAreaId: 'UP',
      windowStart: new Date(now - 3_600_000).toISOString(),
      windowEnd: new Date(now + 86_400_000).toISOString(),
      audience: { positions: ['it-cell-sector'], areaLevels: ['sector'] },
      sessionPlan: { kind: 'central', areaId: 'UP-LS-01' },
      targetRule: { kind: 'fixed', value: attendees },
      schedule: {
        firstSessionAt: new Date(now - 1_800_000).toISOString(),
        durationMinutes: 480,
        capacity: attendees,
      },
    });
    if (created.status !== 201)
      throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
    await until(
      'invitations',
      async () =>
        (await api<{ materialisation: string }>(`${service.url}/programmes/${created.body.id}`, 'GET')).body
          .materialisation === 'done',
    );
    console.log(`${attendees} invitations materialised; sending check-ins at ${perSecond}/s`);
    const sessionId = (
      await api<{ items: { id: string }[] }>(`${service.url}/programmes/${created.body.id}/sessions`, 'GET')
    ).body.items[0].id;

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const interval = 1000 / perSecond;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < attendees; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(
        (async () => {
          const t0 = performance.now();
          // A request that fails (timeout, reset) counts as status 0 with the time it took.
          const status = await api<unknown>(`${service.url}/sessions/${sessionId}/check-ins`, 'POST', {
            memberId: `M${i}`,
          }).then(
            (res) => res.status,
            () => 0,
          );
          latencies.push(performance.now() - t0);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        })(),
      );
    }
    await Promise.all(inFlight);
    const elapsed = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const attended = await service.db
      .collection('participants')
      .countDocuments({ sessionId, attendedAt: { $ne: null } });
    report(`training: ${attendees} check-ins to one session at ${perSecond}/s (open loop, over HTTP)`, {
      'check-ins sent': attendees,
      'answers by status': [...statuses].map(([s, n]) => `${s}×${n}`).join(', '),
      'attendance recorded in the database': attended,
      'achieved rate (check-ins / s)': rate(attendees, elapsed),
      'latency p50': `${percentile(latencies, 50).toFixed(1)} ms`,
      'latency p95': `${percentile(latencies, 95).toFixed(1)} ms`,
      'latency p99': `${percentile(latencies, 99).toFixed(1)} ms`,
      'latency max': `${latencies[latencies.length - 1].toFixed(1)} ms`,
    });
  } finally {
    await service.stop();
  }
}

runBench(main);
