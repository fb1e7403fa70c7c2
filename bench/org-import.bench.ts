// Full-scale org import (UP: ~161k booths, ~806k members) through the org service's bulk importer,
// against a raw driver insertMany of the very same documents into a second fresh database. The two
// alternate chunk by chunk (each chunk the importer is about to write goes raw into the other database
// first, timed apart and subtracted from the import's time), so machine noise hits both alike and no
// copy of a million documents is held for a second pass. The district subtree query is bench/org-subtree.
//   npm run bench -- org-import [--scale 1] [--reimport 0] [--keep 1]
// `--scale 0.1` keeps every assembly seat but one booth per sector; `--districts 5` expands only the
// first five districts below their assembly seats (quick trials).
import { hasPermission } from '@sangathan/auth';
import { NATIONAL_ADMIN } from '@sangathan/testing';
import { MongoClient, type Db } from 'mongodb';
// The benchmark measures the org service's own importer and generator.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FULL, generateUp } from '../services/org/src/modules/generator/domain/up-generator';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadUpReference } from '../services/org/src/modules/generator/infrastructure/up-reference.loader';
import { argNumber, rate, report, runBench } from './bench-utils';
import { orgImporter } from './org-importer';

const scale = argNumber('scale', 1);
const reimport = argNumber('reimport', 0);
const keep = argNumber('keep', 0) === 1;
const districts = argNumber('districts', 0);
const CHUNK = 2000;

/** The indexes the org service's schemas declare, so both databases pay the same index upkeep. */
async function createIndexes(db: Db): Promise<void> {
  const areas = db.collection('areas');
  await areas.createIndexes([
    { key: { ancestors: 1, level: 1, _id: 1 } },
    { key: { level: 1, _id: 1 } },
    { key: { nameKeys: 1 } },
    { key: { lokSabhaId: 1, level: 1 } },
    { key: { seatClass: 1 } },
    { key: { repath: 1 }, sparse: true },
    { key: { outboxDueAt: 1 }, sparse: true },
  ]);
  const members = db.collection('members');
  await members.createIndexes([
    { key: { phone: 1 }, unique: true },
    { key: { nameKeys: 1 } },
    { key: { ancestors: 1 } },
    { key: { areaId: 1 } },
    { key: { status: 1, lastActiveAt: 1 } },
    { key: { outboxDueAt: 1 }, sparse: true },
  ]);
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const client = await new MongoClient(uri, { retryWrites: false }).connect();
  const suffix = Date.now().toString(36);
  const importDb = client.db(`bench-org-import-${suffix}`);
  const rawDb = client.db(`bench-org-raw-${suffix}`);
  await Promise.all([createIndexes(importDb), createIndexes(rawDb)]);

  let started = Date.now();
  const reference = loadUpReference();
  const options = {
    ...FULL,
    boothsPerSector: Math.max(1, Math.round(FULL.boothsPerSector * scale)),
    ...(districts > 0 ? { districts: reference.districts.slice(0, districts).map((d) => d.slug) } : {}),
  };
  const { areas, members } = generateUp(reference, options);
  const generateMs = Date.now() - started;
  const booths = areas.filter((a) => a.level === 'booth').length;
  console.log(
    `generated ${areas.length} areas (${booths} booths) and ${members.length} members in ${generateMs} ms`,
  );
  if (!hasPermission(NATIONAL_ADMIN, 'org:write')) throw new Error('bench principal cannot write');

  // 1. The importer (validation of every row, `_id` and phone lookups, events into each document's outbox,
  //    chunked writes), with 2. the raw insertMany of each chunk's documents interleaved.
  const org = await orgImporter(uri, importDb.databaseName);
  const { importer } = org;
  const log = (message: string): void => (message.includes('validated') ? console.log(message) : undefined);
  const ctx = { actorId: 'bench', correlationId: `bench-${suffix}` };
  let rawMs = 0;
  const onInsert = async (collection: string, docs: Record<string, unknown>[]): Promise<void> => {
    const copies = docs.map((d) => ({ ...d }));
    const t = performance.now();
    await rawDb.collection(collection).insertMany(copies, { ordered: false });
    rawMs += performance.now() - t;
  };
  started = Date.now();
  let rawBefore = rawMs;
  const areaReport = await importer.importAreas(areas, {
    principal: NATIONAL_ADMIN,
    ctx,
    onInsert,
    chunkSize: CHUNK,
    log,
  });
  const areasMs = Date.now() - started - (rawMs - rawBefore);
  const areasRawMs = rawMs - rawBefore;
  started = Date.now();
  rawBefore = rawMs;
  const memberReport = await importer.importMembers(members, {
    principal: NATIONAL_ADMIN,
    ctx,
    onInsert,
    chunkSize: CHUNK,
    log,
  });
  const membersMs = Date.now() - started - (rawMs - rawBefore);
  const membersRawMs = rawMs - rawBefore;
  const importMs = areasMs + membersMs;
  const total = areas.length + members.length;
  if (areaReport.created + memberReport.created !== total)
    throw new Error(`import created ${areaReport.created + memberReport.created} of ${total}`);
  console.log(
    `import: ${total} documents in ${importMs} ms; raw insertMany of the same: ${Math.round(rawMs)} ms`,
  );

  // 3. Optionally, re-import of the first N members: every row validated, nothing written.
  started = Date.now();
  const again =
    reimport > 0
      ? await importer.importMembers(members.slice(0, reimport), {
          principal: NATIONAL_ADMIN,
          ctx,
          chunkSize: CHUNK,
          log,
        })
      : null;
  const reimportMs = Date.now() - started;

  report('org import (same run, same database server)', {
    'scale (booths per sector)': `${options.boothsPerSector} (${scale}x)`,
    'areas / booths / members': `${areas.length} / ${booths} / ${members.length}`,
    'import areas (ms; raw of the same)': `${areasMs} (${Math.round(areasRawMs)})`,
    'import members (ms; raw of the same)': `${membersMs} (${Math.round(membersRawMs)})`,
    'import total (ms)': importMs,
    'import throughput (docs/s)': rate(total, importMs),
    'raw insertMany (ms)': Math.round(rawMs),
    'raw throughput (docs/s)': rate(total, rawMs),
    'import / raw throughput ratio': (rawMs / importMs).toFixed(2),
    're-import (ms)': again
      ? `${reimportMs} for ${reimport} members (${again.unchanged} unchanged, ${again.created} created)`
      : 'skipped',
  });

  if (!keep) await Promise.all([importDb.dropDatabase(), rawDb.dropDatabase()]);
  await org.close();
  await client.close();
}

runBench(main);
