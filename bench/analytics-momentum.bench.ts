// Momentum figures (issue 7) with the real broker and database:
//   npm run bench -- analytics-momentum [--events 1000000] [--days N] [--small] [--latency-seconds 20] [--rate 1000] [--skip-latency] [--skip-replay]
//
// 1. Loads a full-scale UP organisation (~1.6 lakh booths, org.area.created) and N activity events
//    from the load generator (slow, normal and fast districts) into fresh topics.
// 2. Sustained ingest: a raw kafkajs consumer that only JSON-parses every message, then the analytics
//    service (a child process, fresh database and consumer group) folding the same messages;
//    events/s of each and the ratio.
// 3. Produce-to-score-visible latency at --rate events/s: probe meetings at fresh booths, polled
//    through GET /areas/:id/momentum until the score moves (p50, p99).
// 4. Replay: POST /momentum/replay rebuilds everything from the beginning of the topics into fresh
//    collections and switches over; time and peak RSS of the service process.
import { signToken } from '@sangathan/auth';
import {
  AreaCreatedV1,
  BoothCommitteeFormedV1,
  createEvent,
  MeetingHeldV1,
  PhotoVerifiedV1,
  TaskAssignedV1,
  TaskCompletedV1,
  TOPICS,
  TrainingAttendanceRecordedV1,
  TrainingSessionHeldV1,
  VolunteerAddedV1,
} from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv } from '@sangathan/messaging';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { mongo } from 'mongoose';
import {
  activityMessages,
  areaMessages,
  buildOrg,
  daysForTargetRate,
  FULL_UP,
  PACE_FACTOR,
  SMALL_UP,
  type GeneratedMessage,
} from './analytics-load-generator';
import { argNumber, flag, percentile, rate, report, runBench } from './bench-utils';

const events = argNumber('events', 1_000_000);
const latencySeconds = argNumber('latency-seconds', 20);
const latencyRate = argNumber('rate', 1000);
const SOURCES = [
  AreaCreatedV1,
  MeetingHeldV1,
  PhotoVerifiedV1,
  TrainingSessionHeldV1,
  TrainingAttendanceRecordedV1,
  BoothCommitteeFormedV1,
  VolunteerAddedV1,
  TaskAssignedV1,
  TaskCompletedV1,
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function main(): Promise<void> {
  const id = Date.now().toString(36);
  const prefix = `bench-momentum-${id}.`;
  process.env.KAFKA_TOPIC_PREFIX = prefix;
  const connection = new KafkaConnection(kafkaSettingsFromEnv('bench-momentum'));
  const sourceTopics = new Set(SOURCES.map((d) => d.topic));
  await connection.ensureTopics(
    TOPICS.filter((t) => sourceTopics.has(t.name) || t.name.startsWith('analytics.')),
  );
  const kafka = new Kafka({
    clientId: 'bench-momentum',
    brokers: connection.settings.brokers,
    logLevel: logLevel.NOTHING,
  });

  // 1. Organisation + activity.
  const org = buildOrg(flag('small') ? SMALL_UP : FULL_UP);
  const endMs = Date.now() - 3600_000;
  const days = argNumber('days', daysForTargetRate(org, events));
  const sector = org.areas.find((a) => a.level === 'sector')!;
  const probes = Array.from({ length: Math.max(50, latencySeconds * 5 + 20) }, (_, i) => `UP-PROBE-${i + 1}`);
  const probeAreas: GeneratedMessage[] = probes.map((areaId) => {
    const event = createEvent(
      AreaCreatedV1,
      {
        areaId,
        level: 'booth',
        parentId: sector.areaId,
        ancestors: [...sector.ancestors, sector.areaId],
        nameEn: areaId,
        nameHi: null,
      },
      {
        producer: 'org',
        areaId,
        areaPath: [...sector.ancestors, sector.areaId],
        actorId: null,
        correlationId: 'bench',
        occurredAt: new Date(endMs - days * 86_400_000),
      },
    );
    return { topic: AreaCreatedV1.topic, key: areaId, value: JSON.stringify(event), event };
  });
  const producer = kafka.producer();
  await producer.connect();
  let produced = 0;
  const send = async (messages: GeneratedMessage[]) => {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic) ?? [];
      list.push({ key: m.key, value: m.value });
      byTopic.set(m.topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: connection.topicName(topic),
        messages: list,
      })),
    });
    produced += messages.length;
  };
  let started = Date.now();
  const areas = [...areaMessages(org, endMs - (days + 1) * 86_400_000), ...probeAreas];
  for (let i = 0; i < areas.length; i += 1000) await send(areas.slice(i, i + 1000));
  let chunk: GeneratedMessage[] = [];
  for (const message of activityMessages(org, { events, days, endMs, seed: 11 })) {
    chunk.push(message);
    if (chunk.length === 1000) {
      await send(chunk);
      chunk = [];
      if (produced % 100_000 < 1000) process.stdout.write(`  produced ${produced}\r`);
    }
  }
  if (chunk.length) await send(chunk);
  const total = produced;
  const paces = [...org.paces.values()];
  report('load', {
    booths: org.booths.length,
    areas: org.areas.length + probes.length,
    'districts slow/normal/fast': `${paces.filter((p) => p === 'slow').length}/${paces.filter((p) => p === 'normal').length}/${paces.filter((p) => p === 'fast').length} (activity ×${PACE_FACTOR.slow}/×${PACE_FACTOR.normal}/×${PACE_FACTOR.fast})`,
    'simulated days': days,
    'activity events': events,
    'messages produced': total,
    'produce rate (events/s)': rate(total, Date.now() - started),
  });

  // 2a. Raw kafkajs: parse only.
  const rawRate = await (async () => {
    const consumer = kafka.consumer({ groupId: `${prefix}raw`, maxBytesPerPartition: 4 * 1024 * 1024 });
    await consumer.connect();
    await consumer.subscribe({
      topics: [...sourceTopics].map((t) => connection.topicName(t)),
      fromBeginning: true,
    });
    let seen = 0;
    let first = 0;
    let last = 0;
    await consumer.run({
      eachBatch: async ({ batch }) => {
        if (!first) first = Date.now();
        for (const m of batch.messages) if (m.value && JSON.parse(m.value.toString()).eventId) seen++;
        last = Date.now();
      },
    });
    while (seen < total) await sleep(50);
    await consumer.disconnect();
    return rate(total, last - first);
  })();

  // 2b. The analytics service, fresh database and group.
  const port = 3900 + Math.floor(Math.random() * 90);
  const dbName = `bench-momentum-${id}`;
  const logFile = `/tmp/${dbName}.log`;
  const child: ChildProcess = spawn(
    process.execPath,
    // The heap the deployment gives it (NODE_OPTIONS in k8s/base/analytics/deployment.yaml).
    // BENCH_SERVICE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the service under load
    [
      '--max-old-space-size=320',
      '--max-semi-space-size=8',
      ...(process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean),
      join(process.cwd(), 'dist/services/analytics/src/main.js'),
    ],
    {
      env: {
        ...process.env,
        KAFKA_TOPIC_PREFIX: prefix,
        MONGODB_DB: dbName,
        PORT: String(port),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const pid = child.pid!;
  const token = signToken({ sub: 'bench', roles: ['national-admin'], areaId: 'IN', areaPath: [] });
  const api = async (path: string, method = 'GET') => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  type Status = {
    active: { events: number; republishedSkipped: number; parked: number } | null;
    replay: {
      state: string;
      events: number;
      lag: number | null;
      eventsPerSecond: number;
      parked: number;
    } | null;
    memoryMb: Record<string, number>;
  };
  const memory = (s: Status | null) =>
    s ? `heap ${s.memoryMb.heapUsed}/${s.memoryMb.heapTotal}, buffers ${s.memoryMb.arrayBuffers} MB` : '';
  const status = async (): Promise<Status | null> =>
    (await api('/momentum/status').catch(() => null)) as Status | null;
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, procStatus(pid, 'VmRSS') || 0)), 250);
  started = Date.now();
  let firstAt = 0;
  let firstCount = 0;
  let doneAt = 0;
  let lastPrint = 0;
  for (;;) {
    const s = await status();
    const applied = s?.active ? s.active.events + s.active.republishedSkipped : 0;
    if (applied > 0 && !firstAt) {
      firstAt = Date.now();
      firstCount = applied;
    }
    if (Date.now() - lastPrint > 5000) {
      lastPrint = Date.now();
      console.log(
        `  ingest: ${applied}/${total} folded, ${s?.active?.parked ?? 0} parked, rss ${procStatus(pid, 'VmRSS').toFixed(0)} MB, ${memory(s)}`,
      );
    }
    if (applied >= total) {
      doneAt = Date.now();
      break;
    }
    if (child.exitCode !== null) throw new Error(`analytics exited (${child.exitCode}); see ${logFile}`);
    await sleep(200);
  }
  const ingestRate = rate(total - firstCount, doneAt - firstAt);
  const ingestPeak = Math.max(peakRss, procStatus(pid, 'VmHWM'));
  report('sustained ingest (backlog from the beginning, fresh group)', {
    'raw kafkajs, parse only (events/s)': rawRate,
    'analytics momentum (events/s)': ingestRate,
    'ratio (target ≥ 0.5)': (ingestRate / rawRate).toFixed(2),
    'start → all folded (s)': ((doneAt - started) / 1000).toFixed(1),
    'peak RSS of the service (MB)': ingestPeak.toFixed(0),
  });
  const board = (await api('/momentum/leaderboard?level=district&n=200&order=asc')) as {
    items: { areaId: string; score: number; weakestComponent: string }[];
  };
  const mean = (pace: string) => {
    const scores = board.items.filter((i) => org.paces.get(i.areaId) === pace).map((i) => i.score);
    return scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1) : '-';
  };
  report('scores separate the districts the generator made slow and fast', {
    'mean district score slow/normal/fast': `${mean('slow')} / ${mean('normal')} / ${mean('fast')}`,
    'bottom 5 districts (pace)': board.items
      .slice(0, 5)
      .map((i) => `${i.areaId}(${org.paces.get(i.areaId)})`)
      .join(' '),
  });

  // 3. Latency at a steady rate.
  if (!flag('skip-latency')) {
    const latencies: number[] = [];
    const load = activityMessages(org, {
      events: latencyRate * latencySeconds * 2,
      days: 1,
      endMs: Date.now(),
      seed: 5,
    });
    const stopAt = Date.now() + latencySeconds * 1000;
    let probe = 0;
    const polls: Promise<void>[] = [];
    let tick = 0;
    while (Date.now() < stopAt) {
      const tickStart = Date.now();
      const batch: GeneratedMessage[] = [];
      for (let i = 0; i < latencyRate / 10; i++) {
        const next = load.next();
        if (!next.done) batch.push(next.value);
      }
      await send(batch);
      if (tick++ % 2 === 0 && probe < probes.length) {
        const areaId = probes[probe++];
        const now = new Date();
        const event = createEvent(
          MeetingHeldV1,
          {
            meetingId: `probe-${areaId}`,
            kind: 'daily-small',
            areaId,
            ancestors: [...sector.ancestors, sector.areaId],
            organiserId: 'm-probe',
            heldStart: now.toISOString(),
            heldEnd: now.toISOString(),
            recordedAt: now.toISOString(),
            attendanceLocksAt: now.toISOString(),
            namedCount: 5,
            headcount: 0,
            totalAttendance: 5,
            expectedAttendeeCount: 5,
            photoCount: 0,
            verifiedPhotoCount: 0,
            districts: [],
          },
          {
            producer: 'meetings',
            areaId,
            areaPath: [...sector.ancestors, sector.areaId],
            actorId: null,
            correlationId: 'probe',
          },
        );
        const sentAt = Date.now();
        await send([{ topic: MeetingHeldV1.topic, key: areaId, value: JSON.stringify(event), event }]);
        polls.push(
          (async () => {
            for (;;) {
              const view = (await api(`/areas/${areaId}/momentum`).catch(() => null)) as {
                score: number;
              } | null;
              if (view && view.score > 0) {
                latencies.push(Date.now() - sentAt);
                return;
              }
              if (Date.now() - sentAt > 30_000) return;
              await sleep(10);
            }
          })(),
        );
      }
      await sleep(Math.max(0, 100 - (Date.now() - tickStart)));
    }
    await Promise.all(polls);
    latencies.sort((a, b) => a - b);
    report(`produce → score visible in the API at ${latencyRate} events/s for ${latencySeconds} s`, {
      probes: `${latencies.length} of ${probe} seen`,
      'p50 (ms)': percentile(latencies, 50),
      'p99 (ms, target < 1000)': percentile(latencies, 99),
      'max (ms)': latencies[latencies.length - 1],
    });
  }

  // 4. Replay from the beginning into fresh collections, then switch over.
  if (!flag('skip-replay')) {
    const before = (await status())!.active!.events;
    peakRss = 0;
    const replayStarted = Date.now();
    await api('/momentum/replay', 'POST');
    let lastLine = 0;
    for (;;) {
      const s = await status();
      if (s?.replay && Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        console.log(
          `  replay: ${s.replay.events} events, ${s.replay.parked} parked, lag ${s.replay.lag ?? '?'}, ${s.replay.eventsPerSecond}/s, rss ${procStatus(pid, 'VmRSS').toFixed(0)} MB, ${memory(s)}`,
        );
      }
      if (s?.replay?.state === 'switched') break;
      if (child.exitCode !== null) throw new Error(`analytics exited (${child.exitCode}); see ${logFile}`);
      await sleep(250);
    }
    const replayMs = Date.now() - replayStarted;
    const after = (await status())!.active!.events;
    report(
      `replay of ${after} events (${events} generated activity events + hierarchy${flag('skip-latency') ? '' : ' + latency load'})`,
      {
        'time to switch-over (s, target < 120)': (replayMs / 1000).toFixed(1),
        'events/s': rate(after, replayMs),
        'events before / after': `${before} / ${after}`,
        'peak RSS during replay (MB, target < 500)': peakRss.toFixed(0),
        'peak RSS of the process lifetime (MB)': procStatus(pid, 'VmHWM').toFixed(0),
      },
    );
  }

  clearInterval(rssTimer);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await producer.disconnect();
  await connection.disconnect();
  const client = await mongo.MongoClient.connect(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', {
    retryWrites: false,
  });
  await client
    .db(dbName)
    .dropDatabase()
    .catch(() => undefined);
  await client.close();
  const admin = kafka.admin();
  await admin.connect();
  await admin
    .deleteTopics({ topics: (await admin.listTopics()).filter((t) => t.startsWith(prefix)) })
    .catch(() => undefined);
  await admin.disconnect();
  console.log(`\nservice log: ${logFile}`);
}

runBench(main);
