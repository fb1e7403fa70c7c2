/**
 * Shared set-up of the training benchmarks: a synthetic Uttar Pradesh written straight into the
 * training service's local read model (known_areas / known_members / known_positions, exactly the
 * documents its org consumers build), and the service itself started from dist/ as a child
 * process on its own database and topic prefix, driven over HTTP like a client would.
 *
 * Writing the read model directly (instead of replaying org events or running org's generator)
 * keeps the figure about training: the time to materialise invitations, not org's import speed.
 */
import { signToken } from '@sangathan/auth';
import { ORG_TOPICS } from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv } from '@sangathan/messaging';
import mongoose, { type Connection } from 'mongoose';
import { startBuiltService } from './service-process';

export type Shape = {
  lokSabhaSeats: number;
  assemblies: number;
  districts: number;
  mandalsPerAssembly: number;
  sectorsPerMandal: number;
};

/** Full-scale UP: 80 seats, 403 assembly seats, 92 districts, 1,612 mandals, 16,120 sectors (~10 booths each). */
export const FULL_UP: Shape = {
  lokSabhaSeats: 80,
  assemblies: 403,
  districts: 92,
  mandalsPerAssembly: 4,
  sectorsPerMandal: 10,
};

export const token = `Bearer ${signToken({ sub: 'bench', roles: ['national-admin'], areaId: 'IN', areaPath: [] })}`;

const EVENT_ID = '00000000-0000-7000-8000-000000000000';

export type Seeded = { areas: number; positions: number; seats: string[] };

/** Writes areas, IT-cell members and their positions (assembly, mandal and sector level) for `shape`. */
export async function seedReadModel(db: Connection, shape: Shape): Promise<Seeded> {
  const areas: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const positions: Record<string, unknown>[] = [];
  const area = (id: string, level: string, ancestors: string[], extra: Record<string, unknown> = {}) =>
    areas.push({
      _id: id,
      level,
      parentId: ancestors[ancestors.length - 1] ?? null,
      ancestors,
      nameEn: id,
      nameHi: null,
      lokSabhaId: null,
      boothCount: null,
      voterCount: null,
      lastEventId: EVENT_ID,
      ...extra,
    });
  const holder = (type: string, areaId: string, ancestors: string[]) => {
    const memberId = `M-${type}-${areaId}`;
    members.push({
      _id: memberId,
      name: `Worker ${areaId}`,
      nameAlt: null,
      status: 'active',
      areaId,
      ancestors,
      lastEventId: EVENT_ID,
    });
    positions.push({ _id: `${type}:${areaId}`, type, areaId, ancestors, memberId, lastEventId: EVENT_ID });
  };
  area('IN', 'national', []);
  area('UP', 'state', ['IN']);
  const seats: string[] = [];
  for (let s = 0; s < shape.lokSabhaSeats; s++) {
    const id = `UP-LS-${String(s + 1).padStart(2, '0')}`;
    seats.push(id);
    // Booth counts 1,400-2,600 so scaled targets spread over 2,500-5,000.
    area(id, 'lok-sabha', ['IN', 'UP'], {
      boothCount: 1400 + ((s * 97) % 1200),
      voterCount: 1_500_000 + s * 10_000,
    });
  }
  for (let d = 0; d < shape.districts; d++) area(`UP-D-${d}`, 'district', ['IN', 'UP']);
  for (let a = 0; a < shape.assemblies; a++) {
    const id = `UP-AC-${a}`;
    const lokSabhaId = seats[a % shape.lokSabhaSeats];
    const path = ['IN', 'UP', `UP-D-${a % shape.districts}`];
    area(id, 'assembly', path, { lokSabhaId });
    holder('it-cell-assembly', id, path);
    for (let m = 0; m < shape.mandalsPerAssembly; m++) {
      const mandal = `${id}-M${m}`;
      const mandalPath = [...path, id];
      area(mandal, 'mandal', mandalPath, { lokSabhaId });
      holder('it-cell-mandal', mandal, mandalPath);
      for (let x = 0; x < shape.sectorsPerMandal; x++) {
        const sector = `${mandal}-S${x}`;
        area(sector, 'sector', [...mandalPath, mandal], { lokSabhaId });
        holder('it-cell-sector', sector, [...mandalPath, mandal]);
      }
    }
  }
  for (const [name, docs] of [
    ['known_areas', areas],
    ['known_members', members],
    ['known_positions', positions],
  ] as const) {
    for (let i = 0; i < docs.length; i += 5000)
      await db.collection(name).insertMany(docs.slice(i, i + 5000) as never[], { ordered: false });
  }
  return { areas: areas.length, positions: positions.length, seats };
}

export type Service = { url: string; db: Connection; stop: () => Promise<void> };

/** Starts dist/services/training-events on a fresh database and topic prefix; resolves once ready. */
export async function startTrainingService(
  id: string,
  port: number,
  beforeStart: (db: Connection) => Promise<void>,
): Promise<Service> {
  process.env.KAFKA_TOPIC_PREFIX = `${id}.`;
  const kafka = new KafkaConnection(kafkaSettingsFromEnv('bench-training'));
  await kafka.ensureTopics(ORG_TOPICS); // the service consumes them; org would have created them
  await kafka.disconnect();
  const dbName = `${id}-training`;
  const db = await mongoose
    .createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { dbName })
    .asPromise();
  await beforeStart(db);
  const service = await startBuiltService('training-events', {
    port,
    env: {
      MONGODB_DB: dbName,
      KAFKA_TOPIC_PREFIX: `${id}.`,
    },
  });
  return {
    url: service.url,
    db,
    stop: async () => {
      await service.stop();
      if (!process.argv.includes('--keep')) await db.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}

export async function api<T>(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function until(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 600_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
