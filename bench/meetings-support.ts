// Shared by the meetings benchmarks: runs the built meetings service as a child process (so its
// memory and CPU are measured apart from the load generator), seeds its area directory, and
// small statistics helpers. Benchmarks print figures; they are not tests.
import { signToken } from '@sangathan/auth';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { mongo as driver } from 'mongoose';

type MongoClient = InstanceType<typeof driver.MongoClient>;

export const TOKEN = `Bearer ${signToken({ sub: 'bench-organiser', roles: ['national-admin'], areaId: 'IN', areaPath: [] }, undefined, '6h')}`;

export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export type Response = { status: number; body: string; ms: number };

/** One HTTP request with keep-alive; `body` may be a list of buffers written in order (streamed). */
export function call(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] =
      Array.isArray(body) && body.every((b) => Buffer.isBuffer(b))
        ? (body as Buffer[])
        : body === undefined
          ? []
          : [Buffer.from(JSON.stringify(body))];
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          authorization: TOKEN,
          'content-type': 'application/json',
          'content-length': String(length),
          ...headers,
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(parts).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed while idle: the request never reached it, so send it again.
      if (req.reusedSocket && error.code === 'ECONNRESET') resolve(call(port, method, path, body, headers));
      else reject(error);
    });
    void (async () => {
      for (const chunk of chunks) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      req.end();
    })();
  });
}

export type ServiceUnderTest = {
  port: number;
  pid: number;
  db: string;
  mongo: MongoClient;
  stop(): Promise<void>;
};

/** `VmRSS` of a process, in MiB. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** CPU seconds (user + system) a process has used so far; 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Size of the roster every bench service starts with (`incharge-<n>`, `worker-<n>`). */
export const BENCH_INCHARGES = 500;
export const BENCH_WORKERS = 2000;

/** Starts dist/services/meetings/src/main.js on its own database and topic prefix, with the test area tree. */
export async function startMeetingsService(name: string): Promise<ServiceUnderTest> {
  const id = `${name}-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const port = 20000 + Math.floor(Math.random() * 20000);
  const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const db = `bench-${id}`;
  const mongo = await driver.MongoClient.connect(mongoUri, { retryWrites: false });
  const areas = [
    { _id: 'IN', level: 'national', parentId: null, ancestors: [] },
    { _id: 'UP', level: 'state', parentId: 'IN', ancestors: ['IN'] },
    { _id: 'Z-LKO', level: 'zone', parentId: 'UP', ancestors: ['IN', 'UP'] },
    { _id: 'D-LKO', level: 'district', parentId: 'Z-LKO', ancestors: ['IN', 'UP', 'Z-LKO'] },
    { _id: 'AC-173', level: 'assembly', parentId: 'D-LKO', ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO'] },
    { _id: 'M-1', level: 'mandal', parentId: 'AC-173', ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO', 'AC-173'] },
  ];
  await mongo
    .db(db)
    .collection('known_areas')
    .insertMany(
      areas.map((a) => ({
        ...a,
        nameEn: a._id,
        nameHi: null,
        lastEventId: '00000000-0000-7000-8000-000000000000',
        geo: null,
      })) as never,
    );
  // Organisers and named attendees must be members org has published: a roster of in-charges and workers.
  const member = (id: string, areaId: string) => ({
    _id: id,
    name: id,
    areaId,
    ancestors: areas.find((a) => a._id === areaId)!.ancestors,
    status: 'active',
    positions: [],
    positionTypes: [],
    positionScopeKeys: [],
    lastEventId: '',
  });
  await mongo
    .db(db)
    .collection('known_members')
    .insertMany([
      ...Array.from({ length: BENCH_INCHARGES }, (_, i) => member(`incharge-${i}`, 'AC-173')),
      ...Array.from({ length: BENCH_WORKERS }, (_, i) => member(`worker-${i}`, i % 2 ? 'M-1' : 'AC-173')),
    ] as never);
  // MEETINGS_BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof", profiles the service.
  const nodeArgs = (process.env.MEETINGS_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--max-old-space-size=512',
      join(process.cwd(), 'dist', 'services', 'meetings', 'src', 'main.js'),
    ],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(port),
        MONGODB_DB: db,
        KAFKA_TOPIC_PREFIX: `${id}.`,
        LOG_LEVEL: 'warn',
        QUOTA_JOB: 'off',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await call(port, 'GET', '/health/ready');
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('meetings service did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    port,
    pid: child.pid!,
    db,
    mongo,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await mongo
        .db(db)
        .dropDatabase()
        .catch(() => undefined);
      await mongo.close();
      agent.destroy();
    },
  };
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` in flight. */
export async function pool(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/**
 * Waits until every outbox of the service's collections is published, or the timeout passes. Each
 * count is bounded too, so a stalled read cannot hang the benchmark.
 */
export async function outboxDrained(
  service: ServiceUnderTest,
  collections: string[],
  timeoutMs = 60_000,
): Promise<{ ms: number; pending: number }> {
  const started = Date.now();
  for (;;) {
    let pending = 0;
    for (const c of collections) {
      const count = service.mongo
        .db(service.db)
        .collection(c)
        .countDocuments({ outboxDueAt: { $exists: true } }, { maxTimeMS: 5000 })
        .catch(() => -1);
      pending += await Promise.race([count, new Promise<number>((r) => setTimeout(() => r(-1), 6000))]);
    }
    if (pending === 0 || Date.now() - started > timeoutMs)
      return { ms: Date.now() - started, pending: pending < 0 ? -1 : pending };
    await new Promise((r) => setTimeout(r, 500));
  }
}
