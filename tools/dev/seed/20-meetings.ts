// Demo meetings through the meetings service's HTTP API (so events flow as in production).
// Re-runnable: every write carries an Idempotency-Key derived from its content and the day, so a
// second run the same day replays the first answers instead of adding meetings; rooms and geo are
// idempotent PUTs. Areas come from org events (the org seed creates IN and UP).
import { signToken } from '@sangathan/auth';

const meetingsUrl = process.env.MEETINGS_URL ?? 'http://127.0.0.1:3002';
const token = signToken({ sub: 'seed', roles: ['national-admin'], areaId: 'IN', areaPath: [] });
const today = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);

async function call(
  method: string,
  path: string,
  body: unknown,
  key?: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${meetingsUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(key ? { 'idempotency-key': `seed-${today}-${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 400 && response.status !== 409)
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return { status: response.status, json };
}

/** Waits until the meetings service has learnt about UP from org's events. */
async function waitForArea(areaId: string): Promise<boolean> {
  for (let i = 0; i < 30; i++) {
    const response = await fetch(`${meetingsUrl}/areas/${areaId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

async function main(): Promise<void> {
  if (!(await waitForArea('UP'))) {
    console.log('meetings: area UP not known yet (is org running and seeded?); skipping meeting demo data');
    return;
  }
  // Uttar Pradesh's bounding box, so photo GPS can be checked at least at state level.
  await call('PUT', '/areas/UP/geo', {
    geo: { kind: 'bbox', south: 23.8, west: 77.0, north: 30.5, east: 84.7 },
  });
  // Times are fixed per IST day (hours from today's IST midnight), so a re-run sends the same bodies.
  const hour = 3600_000;
  const istMidnight = new Date(`${today}T00:00:00+05:30`).getTime();
  const at = (h: number) => new Date(istMidnight + h * hour).toISOString();
  const plan = [
    // Yesterday 10:00 and 16:00 IST, recorded held (within the 48-hour window whenever today it runs).
    {
      key: 'daily-1',
      kind: 'daily-small',
      title: 'Booth workers, ward 12',
      start: -14,
      end: -13,
      held: { headcount: 18 },
    },
    {
      key: 'daily-2',
      kind: 'daily-small',
      title: 'Booth workers, ward 14',
      start: -8,
      end: -7,
      held: { headcount: 22 },
    },
    { key: 'review', kind: 'review', title: 'Weekly review of office bearers', start: 35, end: 37 },
    {
      key: 'booth-committee',
      kind: 'booth-committee',
      title: 'Booth committee formation',
      start: 59,
      end: 61,
    },
    { key: 'cadre-camp', kind: 'cadre-camp', title: 'Cadre camp', start: 82, end: 106 },
    {
      key: 'sammelan',
      kind: 'participation-conference',
      title: 'भागीदारी सम्मेलन',
      start: 130,
      end: 134,
      socialGroup: 'Backward classes',
    },
  ] as const;
  let created = 0;
  for (const item of plan) {
    const scheduled = await call(
      'POST',
      '/meetings',
      {
        kind: item.kind,
        title: item.title,
        areaId: 'UP',
        scheduledStart: at(item.start),
        scheduledEnd: at(item.end),
        ...('socialGroup' in item ? { socialGroup: item.socialGroup } : {}),
      },
      item.key,
    );
    if (scheduled.status === 201) created++;
    const id = String(scheduled.json.id ?? '');
    if ('held' in item && id && scheduled.json.status === 'scheduled') {
      await call(
        'POST',
        `/meetings/${id}/held`,
        { start: at(item.start), end: at(item.end), headcount: item.held.headcount },
        `${item.key}-held`,
      );
    }
  }
  console.log(`meetings: ${created} demo meetings ready in UP (re-runs replay the same requests)`);
}

main().catch((error: Error) => {
  console.error(`sangathan: seeding meetings demo data failed: ${error.message}`);
  process.exit(1);
});
