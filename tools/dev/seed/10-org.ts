// Seeds the small Uttar Pradesh demo organisation through org's own import endpoint (so events
// flow as in production): the real 18 zones, 75 districts, 80 Lok Sabha and 403 assembly seats,
// then synthetic mandals, sectors, 806 booths and ~1.6k members, a few office bearers, booth
// committees and volunteers. Safe to re-run: imports upsert by code and phone (nothing changes
// the second time), assigning a position to its holder is a no-op, and committees are set, not added.
import { signToken } from '@sangathan/auth';
// The generator lives with the org service that owns the data; the seed only feeds it to the API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { generateUp, SMALL } from '../../../services/org/src/modules/generator/domain/up-generator';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadUpReference } from '../../../services/org/src/modules/generator/infrastructure/up-reference.loader';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { toCsv } from '../../../services/org/src/common/csv';

const orgUrl = process.env.ORG_URL ?? 'http://127.0.0.1:3001';
const auth = `Bearer ${signToken({ sub: 'seed', roles: ['national-admin'], areaId: 'IN', areaPath: [] })}`;

const AREA_COLUMNS = [
  'code',
  'level',
  'parentId',
  'nameEn',
  'nameHi',
  'seatClass',
  'lastMargin',
  'lokSabhaId',
  'boothCount',
  'voterCount',
  'beneficiaryCount',
  'socialComposition',
];
const MEMBER_COLUMNS = ['phone', 'name', 'nameAlt', 'kind', 'areaId'];

async function call(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<Record<string, unknown>> {
  const response = await fetch(`${orgUrl}${path}`, {
    method,
    headers: { 'content-type': contentType, authorization: auth },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function memberIdByPhone(phone: string): Promise<string> {
  const page = (await call('GET', `/members?under=IN&phone=${encodeURIComponent(phone)}`)) as {
    items: { id: string }[];
  };
  if (!page.items[0]) throw new Error(`member ${phone} not found after import`);
  return page.items[0].id;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { areas, members } = generateUp(loadUpReference(), SMALL);
  const areaReport = await call('POST', '/imports/areas', toCsv(AREA_COLUMNS, areas), 'text/csv');
  const memberReport = await call('POST', '/imports/members', toCsv(MEMBER_COLUMNS, members), 'text/csv');

  // A few booth teams (president, committee, volunteers, WhatsApp group) so the demo has coverage to show.
  const lucknowBooths = areas
    .filter((a) => a.level === 'booth' && members.some((m) => m.areaId === a.code))
    .slice(0, 4);
  let positions = 0;
  for (const booth of lucknowBooths) {
    const ids = await Promise.all(
      members.filter((m) => m.areaId === booth.code).map((m) => memberIdByPhone(m.phone)),
    );
    await call('PUT', `/positions/booth-president/${booth.code}`, { memberId: ids[0] });
    await call('PUT', `/booths/${booth.code}/committee`, { memberIds: ids, requiredSize: ids.length });
    for (const id of ids.slice(1)) await call('POST', `/booths/${booth.code}/volunteers`, { memberId: id });
    await call('PUT', `/booths/${booth.code}/whatsapp-groups`, {
      groups: [{ name: `${booth.nameHi} परिवार`, inviteLink: null, memberCount: 150 }],
    });
    positions++;
  }
  // Office bearers for the training demo (IT-cell meetings, district leadership programmes): members of other
  // booths hold the IT-cell posts of their sector, mandal and assembly seat and their district's leadership posts.
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const held = new Set<string>();
  let officeBearers = 0;
  const others = areas.filter(
    (a) => a.level === 'booth' && !lucknowBooths.includes(a) && members.some((m) => m.areaId === a.code),
  );
  for (const booth of others.slice(0, 24)) {
    const member = members.find((m) => m.areaId === booth.code)!;
    const chain: typeof areas = [];
    for (let area = byCode.get(booth.parentId ?? ''); area; area = byCode.get(area.parentId ?? ''))
      chain.push(area);
    const posts = [
      ['it-cell-sector', 'sector'],
      ['it-cell-mandal', 'mandal'],
      ['it-cell-assembly', 'assembly'],
      ['district-president', 'district'],
      ['district-incharge', 'district'],
    ].flatMap(([type, level]) => {
      const area = chain.find((a) => a.level === level);
      return area && !held.has(`${type}/${area.code}`) ? [`${type}/${area.code}`] : [];
    });
    if (posts.length === 0) continue;
    const id = await memberIdByPhone(member.phone);
    for (const post of posts) {
      await call('PUT', `/positions/${post}`, { memberId: id });
      held.add(post);
      officeBearers++;
    }
  }
  const created = Number(areaReport.created) + Number(memberReport.created);
  console.log(
    `org: ${areas.length} areas (${String(areaReport.created)} new), ${members.length} members (${String(memberReport.created)} new), ` +
      `${positions} booth teams, ${officeBearers} office-bearer posts, in ${((Date.now() - started) / 1000).toFixed(1)} s${created === 0 ? ' (already present)' : ''}`,
  );
}

main().catch((error: Error) => {
  console.error(`sangathan: seeding org demo data failed: ${error.message}`);
  process.exit(1);
});
