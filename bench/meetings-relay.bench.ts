// The outbox relay's database commands for one held meeting, replayed one meeting at a time on one connection
// (as at a steady, unsaturated rate, where the relay handles each write alone), with the FerretDB CPU they cost.
//   npm run bench -- meetings-relay [--chunk 100 --rounds 5]
// Variants, alternating in chunks so that the shared machine's noise falls on all of them:
//   pullAll   the acknowledgement before 2026-11-25: read by _id, $pullAll + $unset, re-due updateMany
//   equality  read by _id, then one update filtered on {_id, outbox: <as read>} (a hinted write: notify)
//   announced one update filtered on {_id, outbox: <as written>}, no read (notifyWritten)
// The documents are shaped like a held meeting with 20 named attendees as the service stores it, with the
// held event (built by the real contract) in the outbox.
import { MeetingHeldV1, createEvent } from '@sangathan/contracts';
import { outboxFieldsForInsert, toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { randomUUID } from 'node:crypto';
import { mongo } from 'mongoose';
import { argNumber, report, runBench } from './bench-utils';
import { cpuSeconds, ferretdbPids } from './meetings-support';

const chunk = argNumber('chunk', 100);
const rounds = argNumber('rounds', 5);
type Doc = { _id: string; outbox: OutboxEntry[]; outboxDueAt?: Date };
const VARIANTS = ['pullAll', 'equality', 'announced'] as const;
type Variant = (typeof VARIANTS)[number];

function heldMeeting(id: string): { doc: Record<string, unknown>; entry: OutboxEntry } {
  const now = new Date();
  const ancestors = ['IN', 'UP', 'Z-LKO', 'D-LKO'];
  const event = createEvent(
    MeetingHeldV1,
    {
      meetingId: id,
      kind: 'daily-small',
      areaId: 'AC-173',
      ancestors,
      organiserId: 'incharge-1',
      heldStart: new Date(now.getTime() - 7_080_000).toISOString(),
      heldEnd: new Date(now.getTime() - 3_720_000).toISOString(),
      recordedAt: now.toISOString(),
      attendanceLocksAt: new Date(now.getTime() + 169_080_000).toISOString(),
      namedCount: 20,
      headcount: 10,
      totalAttendance: 30,
      expectedAttendeeCount: 0,
      photoCount: 0,
      verifiedPhotoCount: 0,
      districts: [],
    },
    { producer: 'meetings', areaId: 'AC-173', areaPath: ancestors, actorId: 'bench-organiser', correlationId: randomUUID() },
  );
  const entry = toOutboxEntry(event, MeetingHeldV1.topic, id);
  const group = (areaId: string, n: number) => ({ method: 'organiser', recordedAt: now, areaId, memberIds: Array.from({ length: 10 }, (_, i) => `worker-${id.slice(0, 8)}-${n + 2 * i}`) });
  const doc = {
    _id: id,
    kind: 'daily-small',
    title: `bench meeting ${id.slice(0, 8)}`,
    areaId: 'AC-173',
    ancestors,
    organiserId: 'incharge-1',
    scheduledStart: new Date(now.getTime() - 7_200_000),
    scheduledEnd: new Date(now.getTime() - 3_600_000),
    status: 'held',
    expectedAttendeeCount: 0,
    heldStart: new Date(now.getTime() - 7_080_000),
    heldEnd: new Date(now.getTime() - 3_720_000),
    heldRecordedAt: now,
    attendanceLocksAt: new Date(now.getTime() + 169_080_000),
    attendance: [group('AC-173', 0), group('M-1', 1)],
    headcount: 10,
    photoIds: [],
    createdBy: 'bench-organiser',
    createdAt: now,
    version: 1,
    scopeKeys: ['AC-173', ...ancestors],
    day: '2026-11-25',
    updatedAt: now,
  };
  return { doc, entry };
}

async function relayOne(docs: mongo.Collection<Doc>, variant: Variant, id: string, written: OutboxEntry[]): Promise<void> {
  const unset = { outboxAttempts: '', outboxDueAt: '', outboxClaimedBy: '' } as const;
  if (variant === 'announced') {
    const r = await docs.updateOne({ _id: id, outbox: written } as never, { $set: { outbox: [] }, $unset: unset });
    if (r.matchedCount !== 1) throw new Error('announced acknowledgement missed');
    return;
  }
  const [read] = await docs.find({ _id: { $in: [id] }, outboxDueAt: { $lte: new Date() } }, { projection: { outbox: 1, outboxAttempts: 1 } }).toArray();
  if (!read) throw new Error('document not due');
  if (variant === 'equality') {
    const r = await docs.updateOne({ _id: id, outbox: read.outbox } as never, { $set: { outbox: [] }, $unset: unset });
    if (r.matchedCount !== 1) throw new Error('equality acknowledgement missed');
    return;
  }
  await docs.bulkWrite([{ updateOne: { filter: { _id: id }, update: { $pullAll: { outbox: read.outbox }, $unset: unset } } }] as never, { ordered: false });
  await docs.updateMany({ _id: { $in: [id] }, 'outbox.0': { $exists: true }, outboxDueAt: { $exists: false } }, { $set: { outboxDueAt: new Date() } });
}

async function main(): Promise<void> {
  const client = await mongo.MongoClient.connect(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { maxPoolSize: 1 });
  const dbName = `bench-meetings-relay-${Date.now().toString(36)}`;
  const docs = client.db(dbName).collection<Doc>('meetings');
  const pids = ferretdbPids();
  const dbCpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const totals = new Map<Variant, { cpu: number; ms: number; n: number }>(VARIANTS.map((v) => [v, { cpu: 0, ms: 0, n: 0 }]));
  let size = 0;
  try {
    await docs.insertOne({ _id: 'warm-up', outbox: [] });
    for (let round = 0; round < rounds; round++) {
      for (const variant of VARIANTS) {
        const made = Array.from({ length: chunk }, () => heldMeeting(randomUUID()));
        await docs.insertMany(made.map(({ doc, entry }) => ({ ...doc, ...outboxFieldsForInsert([entry]) })) as never);
        size = Buffer.byteLength(JSON.stringify(made[0].doc));
        const cpu = dbCpu();
        const started = performance.now();
        for (const { doc, entry } of made) await relayOne(docs, variant, doc._id as string, [entry]);
        const total = totals.get(variant)!;
        total.ms += performance.now() - started;
        total.cpu += dbCpu() - cpu;
        total.n += chunk;
      }
      console.error(`round ${round + 1}/${rounds} done`);
    }
    const left = await docs.countDocuments({ 'outbox.0': { $exists: true } });
    const rows: Record<string, string | number> = { 'meeting document (JSON, without outbox)': `${size} B`, 'outboxes left non-empty': left };
    for (const [variant, t] of totals) {
      rows[`${variant}: FerretDB CPU / time on the connection per meeting`] = `${pids.length ? ((t.cpu * 1000) / t.n).toFixed(2) : 'n/a'} / ${(t.ms / t.n).toFixed(2)} ms`;
    }
    report(`meetings-relay: the relay's commands for one held meeting, ${rounds} × ${chunk} per variant, one at a time`, rows);
  } finally {
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
  }
}

runBench(main);
