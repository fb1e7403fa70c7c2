// District subtree listing under concurrent load: GET /areas?under=<district>&level=booth, page by page
// (100 per page, following the cursors), against the org service running on its own database.
//   npm run bench -- org-subtree [--scale 1] [--district UP-D-LUCKNOW] [--concurrency 4] [--requests 400]
//                                [--direct 8] [--from <kept org-import database>] [--keep 1]
// The service reads a page with one query, `{ancestors, level, _id > cursor}` sorted by `_id`, served by
// the areas' `{ancestors, level, _id}` index; `--direct` times that query through the driver on the same
// data, to show what the service adds. The areas are copied into a fresh database without their
// outboxes (as a running relay leaves them), from `--from` (a database left by `org-import --keep 1` or
// by this bench with `--keep 1`) or else from a staging database the areas are generated and imported
// into first.
import { signToken } from '@sangathan/auth';
import { MEETINGS_TOPICS, ORG_TOPICS, TRAINING_TOPICS } from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv } from '@sangathan/messaging';
import { NATIONAL_ADMIN } from '@sangathan/testing';
import { MongoClient, type Document, type IndexDescription } from 'mongodb';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
// The benchmark measures the org service's own generator and importer.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FULL, generateUp } from '../services/org/src/modules/generator/domain/up-generator';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadUpReference } from '../services/org/src/modules/generator/infrastructure/up-reference.loader';
import { argNumber, percentile, rate, report, runBench } from './bench-utils';
import { orgImporter } from './org-importer';

const scale = argNumber('scale', 1);
const concurrency = argNumber('concurrency', 4);
const requests = argNumber('requests', 400);
const direct = argNumber('direct', 8);
const keep = argNumber('keep', 0) === 1;
const argString = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const district = argString('district') ?? 'UP-D-LUCKNOW';
const source = argString('from');
const port = 3191;
/** The indexes the service's area schema declares (the service would create them at start). */
const AREA_INDEXES: IndexDescription[] = [
  { key: { ancestors: 1, level: 1, _id: 1 } },
  { key: { level: 1, _id: 1 } },
  { key: { nameKeys: 1 } },
  { key: { lokSabhaId: 1, level: 1 } },
  { key: { seatClass: 1 } },
  { key: { repath: 1 }, sparse: true },
];
const token = `Bearer ${signToken({ sub: 'bench', roles: ['national-admin'], areaId: 'IN', areaPath: [] })}`;

const summary = (ms: number[]): string => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 95).toFixed(1)} / ${percentile(sorted, 99).toFixed(1)}`;
};

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const client = await new MongoClient(uri, { maxPoolSize: concurrency }).connect();
  const id = `bench-org-subtree-${Date.now().toString(36)}`;
  const dbName = `${id}-org`;
  const db = client.db(dbName);
  const areas = db.collection('areas');
  let started = Date.now();
  let from = source;
  if (!from) {
    // Imported into a staging database first, then copied without outboxes like a kept one.
    from = `${id}-import`;
    const staging = client.db(from);
    const generated = generateUp(loadUpReference(), {
      ...FULL,
      boothsPerSector: Math.max(1, Math.round(FULL.boothsPerSector * scale)),
    });
    await staging.collection('areas').createIndexes(AREA_INDEXES);
    const org = await orgImporter(uri, from);
    await org.importer.importAreas(generated.areas, {
      principal: NATIONAL_ADMIN,
      ctx: { actorId: 'bench', correlationId: id },
      log: () => undefined,
    });
    await org.close();
    console.log(`imported ${generated.areas.length} areas in ${Date.now() - started} ms`);
    started = Date.now();
  }
  await areas.createIndexes(AREA_INDEXES);
  let batch: Document[] = [];
  for await (const doc of client
    .db(from)
    .collection('areas')
    .find({}, { projection: { outbox: 0, outboxDueAt: 0 }, batchSize: 5000 })) {
    batch.push({ ...doc, outbox: [] });
    if (batch.length === 5000) {
      await areas.insertMany(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length > 0) await areas.insertMany(batch, { ordered: false });
  console.log(`copied the areas of ${from} in ${Date.now() - started} ms`);
  if (!source) await client.db(from).dropDatabase();
  const total = await areas.estimatedDocumentCount();
  const truth = (
    await areas.find({ ancestors: district, level: 'booth' }, { projection: { _id: 1 } }).toArray()
  )
    .map((d) => String(d._id))
    .sort();

  // The service's first-page query through the driver (pool of `concurrency`), same data.
  const directMs: number[] = [];
  let issued = 0;
  const directWorker = async (): Promise<void> => {
    while (issued < direct) {
      issued++;
      const t = performance.now();
      await areas
        .find(
          { ancestors: district, level: 'booth' },
          { projection: { outbox: 0, outboxDueAt: 0, booth: 0 } },
        )
        .sort({ _id: 1 })
        .limit(101)
        .toArray();
      directMs.push(performance.now() - t);
    }
  };
  started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, directWorker));
  const directWall = Date.now() - started;

  // The org service (its own topic prefix and consumer group, the driver's default connection pool).
  process.env.KAFKA_TOPIC_PREFIX = `${id}.`;
  const kafka = new KafkaConnection(kafkaSettingsFromEnv('bench-org-subtree'));
  await kafka.ensureTopics([...ORG_TOPICS, ...MEETINGS_TOPICS, ...TRAINING_TOPICS]);
  await kafka.disconnect();
  const zone = (await areas.findOne({ _id: district as never }, { projection: { ancestors: 1 } }))
    ?.ancestors?.[2] as string;
  const lokSabhaId = String(
    (await areas.findOne({ _id: truth[0] as never }, { projection: { lokSabhaId: 1 } }))?.lokSabhaId,
  );
  const service = await measureService(dbName, `${id}.`, truth, zone, lokSabhaId);
  const server = (await client.db('admin').command({ buildInfo: 1 })) as {
    version?: string;
    ferretdb?: { version?: string };
  };
  report(
    `org subtree listing (${server.ferretdb ? `FerretDB ${server.ferretdb.version}` : `MongoDB ${server.version}`}, ${district}, 100 per page)`,
    {
      'areas in the collection': total,
      'relay sweep interval (OUTBOX_SWEEP_INTERVAL_MS)':
        process.env.OUTBOX_SWEEP_INTERVAL_MS ?? 'service default (10 s)',
      [`booths under ${district}`]: truth.length,
      [`first page query through the driver, p50 / p95 / p99 (ms, ${concurrency} concurrent, ${directMs.length} queries)`]:
        summary(directMs),
      'through the driver: queries per second': rate(directMs.length, directWall),
      ...service,
    },
  );
  if (!keep) await db.dropDatabase();
  await client.close();
}

/** Starts the org service on the database, checks one walk against the truth, then loads it. */
async function measureService(
  dbName: string,
  topicPrefix: string,
  truth: string[],
  zone: string,
  lokSabhaId: string,
): Promise<Record<string, string | number>> {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'services', 'org', 'src', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      MONGODB_DB: dbName,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'warn',
      ORG_OVERDUE_SWEEP_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const kill = (): boolean => child.kill('SIGKILL');
  process.once('exit', kill);
  const url = `http://127.0.0.1:${port}`;
  let started = Date.now();
  for (;;) {
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() - started > 300_000) throw new Error('org did not become ready in 300 s');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const readyMs = Date.now() - started;
  const get = async (path: string): Promise<{ items: { id: string }[]; nextCursor: string | null }> => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: token } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
  };
  const timed = async (
    path: string,
    into: number[],
  ): Promise<{ items: { id: string }[]; nextCursor: string | null }> => {
    const t = performance.now();
    const page = await get(path);
    into.push(performance.now() - t);
    return page;
  };

  // Correctness first: one walk through every page (one client, the first since the start) equals what the areas say.
  const walked: string[] = [];
  const firstWalkMs: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await timed(
      `/areas?under=${district}&level=booth&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      firstWalkMs,
    );
    walked.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
  } while (cursor);
  const correct = walked.length === truth.length && walked.every((v, i) => v === truth[i]);

  // Load: `concurrency` clients walking the district's booth pages, `requests` pages in all.
  const loadMs: number[] = [];
  let sent = 0;
  const worker = async (): Promise<void> => {
    let next: string | null = null;
    while (sent < requests) {
      sent++;
      next = (
        await timed(`/areas?under=${district}&level=booth&limit=100${next ? `&cursor=${next}` : ''}`, loadMs)
      ).nextCursor;
    }
  };
  started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const loadWall = Date.now() - started;

  // Two more shapes, one client, 10 times each (the first is the cold one): all levels of the district, a zone's booths.
  const shapes: Record<string, number[]> = { district: [], zone: [] };
  for (let i = 0; i < 10; i++) {
    await timed(`/areas?under=${district}&limit=100`, shapes.district);
    await timed(`/areas?under=${zone}&level=booth&limit=100`, shapes.zone);
  }

  // Filtered lists through the API, 3 times each.
  const filtered: Record<string, number[]> = { lokSabha: [], q: [] };
  for (let i = 0; i < 3; i++) {
    await timed(`/areas?under=UP&lokSabhaId=${lokSabhaId}&level=booth&limit=100`, filtered.lokSabha);
    await timed(`/areas?under=${district}&q=ra&limit=100`, filtered.q);
  }

  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  process.removeListener('exit', kill);
  return {
    'service ready after (ms)': readyMs,
    'walk through all pages equals the truth': correct
      ? `yes (${walked.length})`
      : `NO: ${walked.length} listed vs ${truth.length}`,
    'first walk, 1 client, p50 / p95 / p99 (ms)': summary(firstWalkMs),
    [`GET /areas p50 / p95 / p99 (ms, ${concurrency} concurrent, ${loadMs.length} pages)`]: summary(loadMs),
    'pages per second': rate(loadMs.length, loadWall),
    'all levels of the district, first page, 1 client: first / p50 / p99 of 10 (ms)': `${shapes.district[0].toFixed(1)} / ${summary(
      shapes.district,
    )
      .split(' / ')
      .filter((_, i) => i !== 1)
      .join(' / ')}`,
    [`booths of zone ${zone}, first page, 1 client: first / p50 / p99 of 10 (ms)`]: `${shapes.zone[0].toFixed(1)} / ${summary(
      shapes.zone,
    )
      .split(' / ')
      .filter((_, i) => i !== 1)
      .join(' / ')}`,
    [`GET /areas?under=UP&lokSabhaId=${lokSabhaId}&level=booth, 1 client, 3 times (ms)`]: filtered.lokSabha
      .map((ms) => ms.toFixed(0))
      .join(' / '),
    [`GET /areas?under=${district}&q=ra, 1 client, 3 times (ms)`]: filtered.q
      .map((ms) => ms.toFixed(0))
      .join(' / '),
  };
}

runBench(main);
