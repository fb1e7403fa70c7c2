// A demo candidate panel through the org and candidates-panel HTTP APIs: the zone holding the first demo booth
// gets a zone coordinator, the party a president (org positions), then the coordinator opens the panel of the
// booth's Lok Sabha seat, adds two members and an outsider, designates two collectors who record feedback, and
// submits a ranked proposal. Re-runnable: a seat that already has its demo panel is left alone. Positions reach
// candidates-panel through Kafka; while they have not, opening answers 403 and the seed retries for a while,
// then skips with a note rather than failing.
import { signToken, type Principal } from '@sangathan/auth';
// The generator lives with the org service that owns the data; the seed only reads which codes it made.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { generateUp, SMALL } from '../../../services/org/src/modules/generator/domain/up-generator';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadUpReference } from '../../../services/org/src/modules/generator/infrastructure/up-reference.loader';

const orgUrl = process.env.ORG_URL ?? 'http://127.0.0.1:3001';
const panelUrl = process.env.CANDIDATES_PANEL_URL ?? 'http://127.0.0.1:3003';
const WAIT_FOR_ORG_MS = Number(process.env.PANEL_SEED_WAIT_MS ?? 30_000);
const CYCLE = 'LS-DEMO';
const admin: Principal = { sub: 'seed', roles: ['national-admin'], areaId: 'IN', areaPath: [] };

async function call<T>(
  url: string,
  method: string,
  as: Principal,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signToken(as)}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

async function ok<T>(url: string, method: string, as: Principal, body?: unknown): Promise<T> {
  const res = await call<T>(url, method, as, body);
  if (res.status >= 300)
    throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

async function memberId(phone: string): Promise<string> {
  const page = await ok<{ items: { id: string }[] }>(
    `${orgUrl}/members?under=IN&phone=${encodeURIComponent(phone)}`,
    'GET',
    admin,
  );
  if (!page.items[0]) throw new Error(`member ${phone} not found`);
  return page.items[0].id;
}

async function main(): Promise<void> {
  const { areas, members } = generateUp(loadUpReference(), SMALL);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const chainOf = (code: string) => {
    const chain: typeof areas = [];
    for (let area = byCode.get(code); area; area = byCode.get(area.parentId ?? '')) chain.push(area);
    return chain;
  };
  const booth = areas.find((a) => a.level === 'booth' && members.some((m) => m.areaId === a.code));
  const chain = booth ? chainOf(booth.code) : [];
  const zone = chain.find((a) => a.level === 'zone');
  const seat = chain.find((a) => a.level === 'assembly')?.lokSabhaId;
  if (!zone || !seat) {
    console.log('candidates-panel: no demo booth with a zone and a Lok Sabha seat; nothing seeded');
    return;
  }
  const inZone = members.filter((m) => chainOf(m.areaId).some((a) => a.code === zone.code));
  if (inZone.length < 6) {
    console.log(`candidates-panel: too few demo members in ${zone.code}; nothing seeded`);
    return;
  }
  const [coordinator, president, collector1, collector2, prospect1, prospect2] = await Promise.all(
    inZone.slice(0, 6).map((m) => memberId(m.phone)),
  );
  await ok(`${orgUrl}/positions/zone-coordinator/${zone.code}`, 'PUT', admin, { memberId: coordinator });
  await ok(`${orgUrl}/positions/national-president/${chain.at(-1)!.code}`, 'PUT', admin, {
    memberId: president,
  });

  const zoneAncestors = chainOf(zone.code)
    .slice(1)
    .map((a) => a.code)
    .reverse();
  const zc: Principal = {
    sub: coordinator,
    roles: ['zone-coordinator'],
    areaId: zone.code,
    areaPath: zoneAncestors,
  };
  const deadline = Date.now() + WAIT_FOR_ORG_MS;
  let panelId: string | undefined;
  for (;;) {
    const res = await call<{ id?: string; error?: { code: string } }>(`${panelUrl}/panels`, 'POST', zc, {
      cycleId: CYCLE,
      seatId: seat,
      deadline: new Date(Date.now() + 21 * 86_400_000).toISOString(),
    });
    if (res.status === 201) {
      panelId = res.body.id;
      break;
    }
    if (res.status === 409) {
      console.log(`candidates-panel: the demo panel of ${seat} (${CYCLE}) is already present`);
      return;
    }
    if (Date.now() > deadline) {
      console.log(
        `candidates-panel: skipped the demo panel (${res.status} ${res.body.error?.code ?? ''}): org's seat and positions have not reached candidates-panel yet; re-run the seed later`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const base = `${panelUrl}/panels/${panelId}`;
  const prospects: string[] = [];
  for (const body of [
    { kind: 'member', memberId: prospect1, profile: 'दो बार के मंडल अध्यक्ष, युवाओं में लोकप्रिय' },
    {
      kind: 'member',
      memberId: prospect2,
      profile: 'Former block pramukh; strong with women self-help groups',
    },
    {
      kind: 'outsider',
      name: 'डॉ. अनीता मिश्रा',
      phone: '+919876500001',
      profile: 'जानी-मानी चिकित्सक, सामाजिक कार्यकर्ता',
    },
  ])
    prospects.push((await ok<{ id: string }>(`${base}/prospects`, 'POST', zc, body)).id);
  await ok(`${base}/collectors`, 'POST', zc, { memberIds: [collector1, collector2] });
  const collectors = [collector1, collector2].map((sub): Principal => ({
    sub,
    roles: ['incharge'],
    areaId: zone.code,
    areaPath: zoneAncestors,
  }));
  const sources = ['worker', 'local-leader', 'public-meeting', 'survey'] as const;
  for (let i = 0; i < 12; i++)
    await ok(`${base}/feedback`, 'POST', collectors[i % 2], {
      prospectId: prospects[i % 3],
      source: sources[i % 4],
      ratings: {
        winnability: 2 + (i % 4),
        organisationalStrength: 3 + (i % 3),
        publicImage: 2 + (i % 4),
        loyalty: 4,
      },
      text: i % 2 ? 'कार्यकर्ताओं में अच्छी पकड़' : 'Well known in the villages of the seat',
    });
  await ok(`${base}/proposal`, 'POST', zc, {
    entries: [
      { prospectId: prospects[0], rationale: 'संगठन पर मज़बूत पकड़, सभी मंडलों से सकारात्मक फ़ीडबैक' },
      { prospectId: prospects[2], rationale: 'New face with a clean image; strong public-meeting feedback' },
    ],
  });
  await ok(`${base}/submit`, 'POST', zc);
  console.log(
    `candidates-panel: demo panel of ${seat} (${CYCLE}) submitted with 3 prospects and 12 feedback`,
  );
}

main().catch((error: Error) => {
  console.error(`sangathan: seeding the candidates-panel demo failed: ${error.message}`);
  process.exit(1);
});
