// The dashboard's first meaningful paint against the full-scale organisation (issue 18: < 2 s on localhost).
//   npm run bench -- dashboard-paint [--loads 10] [--scale 1]
// The real UP tree from org's generator at full scale (75 districts, 403 seats, ~1.6 lakh booths) is produced as
// org.area.created events to a fresh topic prefix; analytics (from dist/, fresh database) folds them in; the
// dashboard server (from dist/) serves the built app and forwards to it; Debian's Chromium loads the state
// overview `--loads` times with a state-leader's token and reads the app's own `overview-painted` mark
// (score, the 75-tile map and the ranked districts rendered). No activity: every score is 0, the requests
// and the amount of data are what full scale gives. org, meetings and training are not started: their
// parts of the page (coverage, tasks) come after the paint and answer 502 here.
import { signToken } from '@sangathan/auth';
import { AreaCreatedV1, createEvent, TOPICS } from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv } from '@sangathan/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
// The benchmark feeds org's own generator output, as org would publish it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FULL, generateUp } from '../services/org/src/modules/generator/domain/up-generator';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadUpReference } from '../services/org/src/modules/generator/infrastructure/up-reference.loader';
import { argNumber, percentile, rate, report, runBench } from './bench-utils';

const loads = argNumber('loads', 10);
const scale = argNumber('scale', 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function start(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(process.cwd(), script)], {
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(`/tmp/bench-dashboard-paint-${name}.log`);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, ['services/dashboard/scripts/build-web.mjs', '--quiet'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the dashboard app failed');
  const id = Date.now().toString(36);
  const prefix = `bench-dashboard-${id}.`;
  process.env.KAFKA_TOPIC_PREFIX = prefix;
  const connection = new KafkaConnection(kafkaSettingsFromEnv('bench-dashboard'));
  await connection.ensureTopics(TOPICS);

  // 1. The full-scale tree as org.area.created events, parents first.
  const { areas } = generateUp(loadUpReference(), {
    ...FULL,
    boothsPerSector: Math.max(1, Math.round(FULL.boothsPerSector * scale)),
  });
  const ancestors = new Map<string, string[]>();
  const kafka = new Kafka({
    clientId: 'bench-dashboard',
    brokers: connection.settings.brokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  let started = Date.now();
  for (let i = 0; i < areas.length; i += 1000) {
    const messages = areas.slice(i, i + 1000).map((a) => {
      const path = a.parentId ? [...ancestors.get(a.parentId)!, a.parentId] : [];
      ancestors.set(a.code, path);
      const event = createEvent(
        AreaCreatedV1,
        {
          areaId: a.code,
          level: a.level,
          parentId: a.parentId ?? null,
          ancestors: path,
          nameEn: a.nameEn,
          nameHi: a.nameHi,
          seatClass: a.seatClass ?? null,
          lokSabhaId: a.lokSabhaId ?? null,
        },
        { producer: 'org', areaId: a.code, areaPath: path, actorId: null, correlationId: `bench-${id}` },
      );
      return { key: a.code, value: JSON.stringify(event) };
    });
    await producer.send({ topic: connection.topicName(AreaCreatedV1.topic), acks: -1, messages });
  }
  await producer.disconnect();
  const booths = areas.filter((a) => a.level === 'booth');
  report('organisation', {
    areas: areas.length,
    booths: booths.length,
    'produce rate (events/s)': rate(areas.length, Date.now() - started),
  });

  // 2. analytics folds them in; the dashboard forwards to it.
  const analyticsPort = 3900 + Math.floor(Math.random() * 50);
  const dashboardPort = analyticsPort + 50;
  const analytics = start('analytics', 'dist/services/analytics/src/main.js', {
    PORT: String(analyticsPort),
    MONGODB_DB: `bench-dashboard-${id}-analytics`,
    KAFKA_TOPIC_PREFIX: prefix,
  });
  const dashboard = start('dashboard', 'dist/services/dashboard/src/main.js', {
    PORT: String(dashboardPort),
    ANALYTICS_URL: `http://127.0.0.1:${analyticsPort}`,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const admin = `Bearer ${signToken({ sub: 'bench', roles: ['national-admin'], areaId: 'IN', areaPath: [] })}`;
    const last = booths[booths.length - 1].code;
    started = Date.now();
    await until(
      'analytics to know every booth',
      async () =>
        (
          await fetch(`http://127.0.0.1:${analyticsPort}/areas/${last}`, {
            headers: { authorization: admin },
          })
        ).ok,
      30 * 60_000,
    );
    report('analytics', { 'tree folded in (s)': ((Date.now() - started) / 1000).toFixed(1) });
    await until(
      'the dashboard',
      async () => (await fetch(`http://127.0.0.1:${dashboardPort}/health/ready`)).ok,
      60_000,
    );

    // 3. The state overview as a state leader opens it.
    const token = signToken({ sub: 'bench-leader', roles: ['state-leader'], areaId: 'UP', areaPath: ['IN'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The app keeps its token in local storage (what its sign-in page does).
    await context.addInitScript(
      (t) =>
        (globalThis as { localStorage?: { setItem(k: string, v: string): void } }).localStorage?.setItem(
          'sangathan.token',
          t,
        ),
      token,
    );
    const page = await context.newPage();
    const paints: number[] = [];
    for (let i = 0; i <= loads; i++) {
      await page.goto(`http://127.0.0.1:${dashboardPort}/area/UP`);
      await page.waitForFunction(
        () => performance.getEntriesByName('overview-painted').length > 0,
        undefined,
        {
          timeout: 30_000,
        },
      );
      const ms = await page.evaluate(() => performance.getEntriesByName('overview-painted')[0].startTime);
      if (i > 0) paints.push(ms); // the first load warms the browser cache and the services
    }
    const sorted = [...paints].sort((a, b) => a - b);
    report('first meaningful paint of the state overview (ms from navigation)', {
      loads: paints.length,
      'p50 / p95 / max': `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} / ${sorted.at(-1)!.toFixed(0)}`,
      'target (issue 18)': '< 2000',
    });
  } finally {
    await browser.close();
    analytics.kill('SIGTERM');
    dashboard.kill('SIGTERM');
  }
}

runBench(main);
