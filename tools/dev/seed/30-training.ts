// Demo training programmes through the training-events HTTP API (the four programmes of the news
// reports). Re-runnable: a programme whose title already exists is skipped. Needs the org data
// (areas, members, positions) to have reached training through Kafka; while it has not, creation
// answers 404/400 and the seed retries for a while, then skips with a note rather than failing.
import { signToken } from '@sangathan/auth';

const trainingUrl = process.env.TRAINING_EVENTS_URL ?? 'http://127.0.0.1:3004';
const token = signToken({ sub: 'seed', roles: ['national-admin'], areaId: 'IN', areaPath: [] });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
const WAIT_FOR_ORG_MS = Number(process.env.TRAINING_SEED_WAIT_MS ?? 60_000);
const DAY = 24 * 3600_000;

/** The next occurrence (from now) of month/day at hour:00 IST (UTC+5:30). */
function next(month: number, day: number, hour = 10): Date {
  const now = new Date();
  for (const year of [now.getUTCFullYear(), now.getUTCFullYear() + 1]) {
    const date = new Date(Date.UTC(year, month - 1, day, hour, 0) - 5.5 * 3600_000);
    if (date.getTime() > now.getTime() + DAY) return date;
  }
  throw new Error('unreachable');
}

function programmes(): { title: string; body: Record<string, unknown> }[] {
  const itStart = next(1, 5, 0);
  const workshops = next(12, 20, 0);
  const dataSession = next(1, 18, 11);
  const convention = next(2, 10, 10);
  return [
    {
      title: 'IT-cell meetings in every Lok Sabha seat',
      body: {
        titleHi: 'हर लोकसभा सीट में आईटी सेल की बैठक',
        rootAreaId: 'UP',
        windowStart: itStart.toISOString(),
        windowEnd: new Date(itStart.getTime() + 11 * DAY - 1).toISOString(),
        audience: {
          positions: ['it-cell-assembly', 'it-cell-mandal', 'it-cell-sector'],
          areaLevels: ['assembly', 'mandal', 'sector'],
        },
        sessionPlan: { kind: 'per-area', level: 'lok-sabha' },
        targetRule: { kind: 'scaled', basis: 'booths', min: 2500, max: 5000 },
        schedule: {
          firstSessionAt: new Date(itStart.getTime() + 4.5 * 3600_000).toISOString(),
          durationMinutes: 240,
          sessionsPerDay: 8,
          allowWalkIns: true,
        },
      },
    },
    {
      title: 'Data management for district presidents and in-charges',
      body: {
        titleHi: 'जिलाध्यक्षों और जिला प्रभारियों के लिए डेटा प्रबंधन प्रशिक्षण',
        rootAreaId: 'UP',
        windowStart: new Date(dataSession.getTime() - 5 * 3600_000).toISOString(),
        windowEnd: new Date(dataSession.getTime() + 12 * 3600_000).toISOString(),
        audience: { positions: ['district-president', 'district-incharge'], areaLevels: ['district'] },
        sessionPlan: { kind: 'central', areaId: 'UP' },
        targetRule: { kind: 'fixed', value: 150 },
        schedule: { firstSessionAt: dataSession.toISOString(), durationMinutes: 360, capacity: 200 },
        passScore: 60,
      },
    },
    {
      title: 'District workshops for booth-level workers',
      body: {
        titleHi: 'बूथ स्तर के कार्यकर्ताओं के लिए जिला कार्यशालाएँ',
        rootAreaId: 'UP',
        windowStart: workshops.toISOString(),
        windowEnd: new Date(workshops.getTime() + 11 * DAY - 1).toISOString(),
        audience: { positions: ['booth-president', 'sector-incharge'], areaLevels: ['booth', 'sector'] },
        sessionPlan: { kind: 'per-area', level: 'district' },
        targetRule: { kind: 'scaled', basis: 'booths', min: 500, max: 2500 },
        schedule: {
          firstSessionAt: new Date(workshops.getTime() + 4.5 * 3600_000).toISOString(),
          durationMinutes: 300,
          sessionsPerDay: 10,
          allowWalkIns: true,
        },
      },
    },
    {
      title: 'February convention of booth IT workers',
      body: {
        titleHi: 'बूथ आईटी कार्यकर्ताओं का फरवरी सम्मेलन',
        rootAreaId: 'UP',
        windowStart: new Date(convention.getTime() - 5 * 3600_000).toISOString(),
        windowEnd: new Date(convention.getTime() + 2 * DAY).toISOString(),
        audience: {
          positions: ['it-cell-assembly', 'it-cell-mandal', 'it-cell-sector'],
          areaLevels: ['assembly', 'mandal', 'sector'],
        },
        sessionPlan: { kind: 'central', areaId: 'UP' },
        targetRule: { kind: 'fixed', value: 5000 },
        schedule: {
          firstSessionAt: convention.toISOString(),
          durationMinutes: 480,
          capacity: 5000,
          venue: 'Lucknow',
        },
      },
    },
  ];
}

async function existingTitles(): Promise<Set<string>> {
  const titles = new Set<string>();
  let cursor: string | null = null;
  do {
    const response = await fetch(`${trainingUrl}/programmes?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
      headers,
    });
    if (!response.ok)
      throw new Error(`GET /programmes answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { items: { title: string }[]; nextCursor: string | null };
    page.items.forEach((p) => titles.add(p.title));
    cursor = page.nextCursor;
  } while (cursor);
  return titles;
}

/** Creates one programme; 'waiting' while training has not learnt the org data it needs yet. */
async function create(title: string, body: Record<string, unknown>): Promise<'created' | 'waiting'> {
  const response = await fetch(`${trainingUrl}/programmes`, {
    method: 'POST',
    headers: {
      ...headers,
      'idempotency-key': `seed-${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 100)}`,
    },
    body: JSON.stringify({ title, ...body }),
  });
  if (response.status === 201) return 'created';
  const text = await response.text();
  if (
    [404, 400].includes(response.status) &&
    /AREA_NOT_FOUND|NO_AREAS_AT_LEVEL|AUDIENCE_MATCHES_NOBODY/.test(text)
  )
    return 'waiting';
  throw new Error(`POST /programmes (${title}) answered ${response.status}: ${text}`);
}

async function main(): Promise<void> {
  const existing = await existingTitles();
  const todo = programmes().filter((p) => !existing.has(p.title));
  if (todo.length === 0) {
    console.log('training demo programmes already present');
    return;
  }
  const deadline = Date.now() + WAIT_FOR_ORG_MS;
  let created = 0;
  let pending = todo;
  while (pending.length) {
    const stillWaiting = [];
    for (const programme of pending) {
      if ((await create(programme.title, programme.body)) === 'created') created++;
      else stillWaiting.push(programme);
    }
    pending = stillWaiting;
    if (!pending.length || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  console.log(`seeded ${created} training programme(s)`);
  if (pending.length) {
    console.log(
      `training: skipped ${pending.map((p) => `"${p.title}"`).join(', ')}: the org data they need (areas of the plan level, members holding the audience positions) has not reached training-events yet; re-run the seed later`,
    );
  }
}

main().catch((error: Error) => {
  console.error(`sangathan: seeding training programmes failed: ${error.message}`);
  process.exit(1);
});
