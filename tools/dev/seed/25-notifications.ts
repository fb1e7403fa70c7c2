// Demo notification preferences: position holders (office bearers and booth teams) get their org phone and a
// demo e-mail address in the notifications service, so `npm start` shows messages arriving in Mailpit and the provider stub (org's events
// carry no phone or e-mail). Runs before the training seed, whose invitations then reach them. Re-runnable
// (PUT). Waits while org's members have not reached notifications' org-directory yet (404), then skips.
import { signToken } from '@sangathan/auth';

const orgUrl = process.env.ORG_URL ?? 'http://127.0.0.1:3001';
const notificationsUrl = process.env.NOTIFICATIONS_URL ?? 'http://127.0.0.1:3005';
const token = signToken({ sub: 'seed', roles: ['national-admin'], areaId: 'IN', areaPath: [] });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
const WAIT_MS = Number(process.env.NOTIFICATIONS_SEED_WAIT_MS ?? 60_000);

type Member = { id: string; phone: string; name: string };
type Position = { holderId: string | null };

/** Every member holding a position in org (every page of `GET /positions`). */
async function positionHolders(): Promise<Member[]> {
  const holders = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await fetch(
      `${orgUrl}/positions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      {
        headers,
      },
    );
    if (!res.ok) throw new Error(`GET /positions answered ${res.status}`);
    const page = (await res.json()) as { items: Position[]; nextCursor: string | null };
    for (const position of page.items) if (position.holderId) holders.add(position.holderId);
    cursor = page.nextCursor;
  } while (cursor);
  const members: Member[] = [];
  for (const id of holders) {
    const res = await fetch(`${orgUrl}/members/${encodeURIComponent(id)}`, { headers });
    if (res.ok) members.push((await res.json()) as Member);
  }
  return members;
}

async function main(): Promise<void> {
  if (!process.env.NOTIFICATIONS_URL) {
    console.log('notifications is not running: no preferences to seed');
    return;
  }
  const members = await positionHolders();
  const deadline = Date.now() + WAIT_MS;
  let done = 0;
  for (const [i, member] of members.entries()) {
    for (;;) {
      const res = await fetch(`${notificationsUrl}/members/${encodeURIComponent(member.id)}/preferences`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ phone: member.phone, email: `position-holder-${i + 1}@example.in` }),
      });
      if (res.ok) {
        done++;
        break;
      }
      if (res.status !== 404 || Date.now() > deadline) {
        console.log(`preferences of ${member.id}: ${res.status} ${await res.text()}; skipped`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  console.log(`notification preferences of ${done} of ${members.length} position holders set`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
