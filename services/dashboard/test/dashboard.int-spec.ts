import type { INestApplication } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import { bearer, isolateTest, NATIONAL_ADMIN, waitFor } from '@sangathan/testing';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AppModule as AnalyticsAppModule } from '../../analytics/src/app.module';
import { AppModule as PanelAppModule } from '../../candidates-panel/src/app.module';
import { PANEL_SERVICE_DESCRIPTION } from '../../candidates-panel/src/service';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../../analytics/src/service';
import { AppModule as MeetingsAppModule } from '../../meetings/src/app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from '../../meetings/src/service';
import { toCsv } from '../../org/src/common/csv';
import { AppModule as OrgAppModule } from '../../org/src/app.module';
import { generateUp, SMALL } from '../../org/src/modules/generator/domain/up-generator';
import { loadUpReference } from '../../org/src/modules/generator/infrastructure/up-reference.loader';
import { ORG_SERVICE_DESCRIPTION } from '../../org/src/service';
import { AppModule as TrainingAppModule } from '../../training-events/src/app.module';
import { TRAINING_SERVICE_DESCRIPTION } from '../../training-events/src/service';
import { createDashboardApp } from '../src/dashboard-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_ROOT = join(__dirname, '..', 'web', 'dist');
const SHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
const ADMIN = bearer(NATIONAL_ADMIN);
const DISTRICT = 'UP-D-LUCKNOW';
const PRESIDENT: Principal = {
  sub: 'dp-lucknow',
  roles: ['district-president'],
  areaId: DISTRICT,
  areaPath: ['IN', 'UP', 'UP-Z-LUCKNOW'],
};
const SERVICES = [
  ['org', OrgAppModule, ORG_SERVICE_DESCRIPTION],
  ['meetings', MeetingsAppModule, MEETINGS_SERVICE_DESCRIPTION],
  ['training-events', TrainingAppModule, TRAINING_SERVICE_DESCRIPTION],
  ['analytics', AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
  ['candidates-panel', PanelAppModule, PANEL_SERVICE_DESCRIPTION],
] as const;
const ZONE = 'UP-Z-LUCKNOW';
/** A prospect on the Lucknow Lok Sabha panel: the panel status view must never show this name. */
const PROSPECT = 'सुरेश चंद्र वर्मा';
type ServiceName = (typeof SERVICES)[number][0];

/**
 * The dashboard against the real services (org, meetings, training-events, analytics on the shared broker and
 * database) with generated UP data, driven in Debian's Chromium: leadership and a district president sign in,
 * see what their scope allows, drill down to a booth, switch to Hindi, and watch a district tile change colour
 * after a meeting is held through the meetings API. Saves the screenshots in docs/screenshots/.
 */
describe('dashboard in a browser against the running services', () => {
  const isolation = isolateTest('dashboard');
  const apps = {} as Record<ServiceName, INestApplication>;
  const urls = {} as Record<ServiceName, string>;
  let dashboard: INestApplication;
  let base: string;
  let browser: Browser;
  let leadership: BrowserContext;
  /** The panels opened in beforeAll: the Lucknow Lok Sabha seat and one Lucknow assembly seat. */
  const panels = {} as Record<'lokSabha' | 'assembly', { id: string; seatId: string; status: string }>;
  /** The member put on the Lok Sabha panel (no name of theirs may show either). */
  let memberProspect = '';
  const consoleErrors: string[] = [];
  const call = async (service: ServiceName, method: string, path: string, body?: unknown, auth = ADMIN) => {
    const csv = typeof body === 'string';
    const response = await fetch(`${urls[service]}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': csv ? 'text/csv' : 'application/json' },
      body: body === undefined ? undefined : csv ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html')))
      throw new Error('the web app is not built: node services/dashboard/scripts/build-web.mjs');
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    // candidates-panel's field encryption keys (test-only, fresh each run).
    process.env.PANEL_ENCRYPTION_KEYS = JSON.stringify({ k1: randomBytes(32).toString('base64') });
    process.env.PANEL_ENCRYPTION_KEY_ID = 'k1';
    process.env.PANEL_INDEX_KEY = randomBytes(32).toString('base64');
    for (const [name, module, description] of SERVICES) {
      process.env.MONGODB_DB = isolation.dbName(name);
      apps[name] = await createServiceApp(module, description);
      await apps[name].listen(0, '127.0.0.1');
      urls[name] = `http://127.0.0.1:${(apps[name].getHttpServer().address() as AddressInfo).port}`;
    }
    delete process.env.MONGODB_DB;
    dashboard = await createDashboardApp({ upstreams: urls, webRoot: WEB_ROOT, devLogin: true });
    await dashboard.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(dashboard.getHttpServer().address() as AddressInfo).port}`;
    for (const name of Object.keys(urls) as ServiceName[]) {
      await waitFor(async () => (await fetch(`${urls[name]}/health/ready`)).status === 200, {
        what: `${name} ready`,
        timeoutMs: 45_000,
      });
    }

    // The whole real upper tree (18 zones, 75 districts, 403 seats); mandals, sectors and booths for Lucknow.
    const { areas, members } = generateUp(loadUpReference(), { ...SMALL, districts: ['lucknow'] });
    const areaColumns = [
      'code',
      'level',
      'parentId',
      'nameEn',
      'nameHi',
      'seatClass',
      'lokSabhaId',
      'boothCount',
      'voterCount',
    ];
    const imported = await call('org', 'POST', '/imports/areas', toCsv(areaColumns, areas));
    expect([imported.status, imported.body.error]).toEqual([200, undefined]);
    const memberImport = await call(
      'org',
      'POST',
      '/imports/members',
      toCsv(['phone', 'name', 'nameAlt', 'kind', 'areaId'], members),
    );
    expect(memberImport.status).toBe(200);
    // A district president (training's audience), a district in-charge (who has a daily meeting quota) and the
    // zone's coordinator (who manages the zone's candidate panels).
    const [president, incharge, coordinator, prospect] = (
      await call('org', 'GET', `/members?under=${DISTRICT}&limit=4`)
    ).body.items;
    memberProspect = prospect.name;
    for (const [post, area, holder] of [
      ['district-president', DISTRICT, president],
      ['district-incharge', DISTRICT, incharge],
      ['zone-coordinator', ZONE, coordinator],
    ]) {
      const assigned = await call('org', 'PUT', `/positions/${post}/${area}`, { memberId: holder.id });
      expect(assigned.status).toBe(200);
    }
    // Candidate panels for the Lucknow Lok Sabha seat and a Lucknow assembly seat, opened by national HQ once
    // candidates-panel has the seats from org's events; the coordinator puts an outsider and a member on the
    // first (once candidates-panel knows them as the zone's coordinator).
    const lokSabhaSeat = areas.find((a) => a.level === 'lok-sabha' && a.nameEn === 'Lucknow')!.code;
    const assemblySeat = areas.find((a) => a.level === 'assembly' && a.parentId === DISTRICT)!.code;
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    for (const [key, seatId] of [
      ['lokSabha', lokSabhaSeat],
      ['assembly', assemblySeat],
    ] as const) {
      panels[key] = await waitFor(
        async () => {
          const res = await call('candidates-panel', 'POST', '/panels', {
            cycleId: 'LS-2029',
            seatId,
            deadline,
          });
          return res.status === 201 ? { id: res.body.id as string, seatId, status: '' } : undefined;
        },
        { what: `the ${seatId} panel`, timeoutMs: 45_000, intervalMs: 500 },
      );
    }
    const coordinatorToken = bearer({
      sub: coordinator.id,
      roles: ['zone-coordinator'],
      areaId: ZONE,
      areaPath: ['IN', 'UP'],
    });
    // Retried until candidates-panel has read what it checks from org's events.
    const addProspect = (body: Record<string, unknown>, what: string, timeoutMs: number) =>
      waitFor(
        async () =>
          (
            await call(
              'candidates-panel',
              'POST',
              `/panels/${panels.lokSabha.id}/prospects`,
              body,
              coordinatorToken,
            )
          ).status === 201,
        { what, timeoutMs, intervalMs: 500 },
      );
    await addProspect(
      { kind: 'outsider', name: PROSPECT, phone: '+919812345670' },
      'candidates-panel to know the zone coordinator',
      30_000,
    );
    // The member import is large: candidates-panel may still be reading it from org's events.
    await addProspect(
      { kind: 'member', memberId: prospect.id },
      'candidates-panel to know the member',
      60_000,
    );
    const overview = await call('candidates-panel', 'GET', '/panel-overview?limit=500');
    expect(overview.status).toBe(200);
    for (const panel of Object.values(panels))
      panel.status = overview.body.items.find((r: { panelId: string }) => r.panelId === panel.id).status;
    const lastBooth = areas.filter((a) => a.level === 'booth').at(-1)!.code;
    await waitFor(async () => (await call('analytics', 'GET', `/areas/${lastBooth}`)).status === 200, {
      what: 'analytics to know the booths',
      timeoutMs: 45_000,
    });
    // A programme for district presidents (training learns the holder from org's events first).
    const start = new Date(Date.now() + 3 * 86_400_000);
    await waitFor(
      async () =>
        (
          await call('training-events', 'POST', '/programmes', {
            title: 'Data management for district presidents',
            titleHi: 'जिलाध्यक्षों के लिए डेटा प्रबंधन प्रशिक्षण',
            rootAreaId: 'UP',
            windowStart: new Date(start.getTime() - 5 * 3600_000).toISOString(),
            windowEnd: new Date(start.getTime() + 12 * 3600_000).toISOString(),
            audience: { positions: ['district-president'], areaLevels: ['district'] },
            sessionPlan: { kind: 'central', areaId: 'UP' },
            targetRule: { kind: 'fixed', value: 150 },
            schedule: { firstSessionAt: start.toISOString(), durationMinutes: 360, capacity: 200 },
          })
        ).status === 201,
      { what: 'the training programme', timeoutMs: 30_000, intervalMs: 500 },
    );
    mkdirSync(SHOTS, { recursive: true });
    leadership = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    // Open event streams would hold server.close() until they end.
    for (const app of [dashboard, ...Object.values(apps)]) app?.getHttpServer().closeAllConnections();
    await dashboard?.close();
    await Promise.all(Object.values(apps).map((app) => app.close()));
  }, 120_000);

  afterEach(() => expect(consoleErrors.splice(0)).toEqual([]));

  /** A page that records console errors and failed requests of the app. */
  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return page;
  }

  async function signIn(page: Page, role: string, areaId: string): Promise<void> {
    await page.goto(`${base}/login`);
    await page.selectOption('select[name=role]', role);
    await page.fill('input[name=areaId]', areaId);
    await page.click('form button[type=submit] >> nth=0');
    await page.waitForURL(`**/area/${areaId}`);
  }

  it('shows leadership the state overview with all 75 districts on the tile map, quickly', async () => {
    const page = await open(leadership);
    await signIn(page, 'state-leader', 'UP');
    await page.locator('[data-testid=score]').waitFor();
    // First meaningful paint of a fresh load: the app marks when score, map and ranked districts are rendered.
    // Best of three loads: the services under test share two cores with the browser and other work.
    const paints: number[] = [];
    let timings: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.locator('a.tile').nth(74).waitFor();
      await page.locator('[data-testid=districts] tbody tr').first().waitFor();
      paints.push(await page.evaluate(() => performance.getEntriesByName('overview-painted')[0]?.startTime));
      if (paints.at(-1) === Math.min(...paints))
        timings = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.startTime < 3_000)
            .map(
              (e) =>
                `${Math.round(e.startTime)}+${Math.round(e.duration)} ${e.name.replace(location.origin, '')}`,
            ),
        );
    }
    const paintMs = Math.min(...paints);
    console.log(
      `dashboard: overview painted ${paints.map(Math.round).join(', ')} ms after navigation\n${timings.join('\n')}`,
    );
    expect(paintMs).toBeLessThan(2_000);

    expect(await page.locator('a.tile').count()).toBe(75);
    expect(await page.locator('h1').textContent()).toBe('Uttar Pradesh');
    const counts = await Promise.all(
      ['accelerating', 'steady', 'slowing'].map(async (k) =>
        Number(await page.locator(`[data-testid=count-${k}] .count`).textContent()),
      ),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(75);
    expect(await page.locator('[data-testid=districts] tbody tr').count()).toBe(10);
    await expect(page.locator('.laggards li').count()).resolves.toBe(5);
    await expect(page.locator('.laggards li').first().textContent()).resolves.toMatch(/pulled down by/);
    // Charts have text alternatives.
    for (const figure of await page.locator('figure.chart').all()) {
      expect(await figure.getAttribute('aria-describedby')).toBeTruthy();
    }
    await page.locator('.legend').waitFor();
    await page.screenshot({ path: join(SHOTS, 'overview-desktop.png'), fullPage: true });
    await page.close();
  });

  it('drills down zone → district → assembly → mandal → sector → booth with breadcrumbs and shareable URLs', async () => {
    const page = await open(leadership);
    await page.goto(`${base}/area/UP`);
    // The state has zones and Lok Sabha seats below it, each ranked in its own table; all 18 zones shown.
    await page.locator('section[data-level=zone] button').click();
    await page.click('[data-testid=children][data-level=zone] a:text-is("Lucknow division")');
    await page.waitForURL('**/area/UP-Z-LUCKNOW');
    await page.click('[data-testid=children][data-level=district] a:text-is("Lucknow")');
    await page.waitForURL(`**/area/${DISTRICT}`);
    await page.locator('.breadcrumbs li', { hasText: 'Lucknow division' }).waitFor(); // names load after ids
    expect(await page.locator('.breadcrumbs li').allTextContents()).toEqual([
      'Uttar Pradesh',
      'Lucknow division',
      'Lucknow',
    ]);
    await page.locator('[data-testid=children] tbody tr').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'district-desktop.png'), fullPage: true });
    for (const level of ['assembly', 'mandal', 'sector', 'booth']) {
      await page.locator('[data-testid=children] tbody tr').first().waitFor();
      const link = page.locator('[data-testid=children] tbody th a').first();
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL(`**${href}`);
      await page
        .locator('.muted', {
          hasText: new RegExp(
            `^${level === 'assembly' ? 'Assembly seat' : level[0].toUpperCase() + level.slice(1)}`,
          ),
        })
        .first()
        .waitFor();
    }
    await page.locator('[data-testid=booth-team]').waitFor();
    expect(await page.locator('.breadcrumbs li').count()).toBe(7); // UP, zone, district, seat, mandal, sector, booth
    // The URL alone brings the same place back (a link can be shared).
    const boothUrl = page.url();
    const again = await open(leadership);
    await again.goto(boothUrl);
    await again.locator('[data-testid=booth-team]').waitFor();
    await again.close();
    // Back up the tree by a breadcrumb.
    await page.click(`.breadcrumbs a[href="/area/${DISTRICT}"]`);
    await page.waitForURL(`**/area/${DISTRICT}`);
    // Leadership's compliance view names the district, not its id.
    await page.goto(`${base}/compliance/UP`);
    await page.locator('[data-testid=quota] tbody th', { hasText: 'Lucknow' }).waitFor();
    await page.locator('figure.chart').waitFor();
    await page.screenshot({ path: join(SHOTS, 'compliance-desktop.png'), fullPage: true });
    await page.close();
  });

  it('shows candidate-panel status by seat to national HQ and a zone coordinator, with no names', async () => {
    // National HQ: every seat's panel, by seat name, on a laptop.
    const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(laptop);
    await signIn(page, 'national-admin', 'IN');
    await page.goto(`${base}/compliance/UP`);
    const table = page.locator('[data-testid=panel-table]');
    const lokSabhaRow = table.locator(`tr[data-seat="${panels.lokSabha.seatId}"]`);
    // Seat names come with the overview (candidates-panel keeps them from org's area events).
    await lokSabhaRow.locator('th', { hasText: /^Lucknow/ }).waitFor();
    expect(await lokSabhaRow.locator('th').textContent()).toBe('Lucknow · Lok Sabha seat');
    expect(await lokSabhaRow.getAttribute('data-status')).toBe(panels.lokSabha.status);
    expect(await table.locator(`tr[data-seat="${panels.assembly.seatId}"]`).count()).toBe(1);
    expect(await page.locator('[data-testid=panels-link]').getAttribute('href')).toBe('#panels');
    // The deadline is shown as an IST date.
    const deadline = (await call('candidates-panel', 'GET', '/panel-overview?limit=500')).body.items.find(
      (r: { panelId: string }) => r.panelId === panels.lokSabha.id,
    ).deadline as string;
    const istDate = new Intl.DateTimeFormat('en-IN', {
      timeZone: 'Asia/Kolkata',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(deadline));
    expect(await lokSabhaRow.textContent()).toContain(istDate);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain(PROSPECT);
    expect(text).not.toContain(memberProspect);
    await page.locator('section[aria-labelledby=training] figure.chart').waitFor();
    await page.screenshot({ path: join(SHOTS, 'panels-desktop.png'), fullPage: true });
    await laptop.close();

    // The zone coordinator on a phone, in Hindi: their zone's panels, reached from the keyboard.
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    const coordinator = await open(phone);
    await signIn(coordinator, 'zone-coordinator', ZONE);
    await coordinator.click('[data-testid=language]');
    await coordinator.goto(`${base}/compliance/${ZONE}`);
    await coordinator.locator('[data-testid=panel-table] tbody tr').nth(1).waitFor();
    const link = coordinator.locator('[data-testid=panels-link]');
    await link.focus();
    await coordinator.keyboard.press('Enter');
    await coordinator.waitForURL('**#panels');
    expect(await coordinator.locator('#panels-title').textContent()).toBe('सीटवार उम्मीदवार पैनल');
    const rows = coordinator.locator('[data-testid=panel-table] tbody tr');
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-seat')))).sort()).toEqual(
      [panels.lokSabha.seatId, panels.assembly.seatId].sort(),
    );
    // The Lok Sabha seat lies outside the coordinator's zone in org's tree, yet it is named (org's data has
    // no Hindi name for it: the English one, with the Hindi label).
    const seatCell = coordinator.locator(`tr[data-seat="${panels.lokSabha.seatId}"] th`);
    expect(await seatCell.textContent()).toBe('Lucknow · लोकसभा सीट');
    const assemblyRow = coordinator.locator(`tr[data-seat="${panels.assembly.seatId}"]`);
    expect(await assemblyRow.getAttribute('data-status')).toBe(panels.assembly.status);
    // Hindi status label; the count of panels in Devanagari context still uses Indian grouping.
    expect(await assemblyRow.locator('td').nth(1).textContent()).toMatch(/[\u0900-\u097F]/);
    const phoneText = await coordinator.evaluate(() => document.body.innerText);
    expect(phoneText).not.toContain(PROSPECT);
    expect(phoneText).not.toContain(memberProspect);
    expect(await coordinator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await coordinator.locator('[data-testid=panels]').screenshot({ path: join(SHOTS, 'panels-phone.png') });
    await phone.close();
    // The server counts what it forwarded, by service and status (Prometheus, as the Deployment scrapes it).
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(
      /^dashboard_forwarded_requests_total\{[^}]*service="candidates-panel"[^}]*\} [1-9]/m,
    );
  });

  it('switches to Hindi with Devanagari text and Indian digit grouping, on a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    const page = await open(phone);
    await signIn(page, 'state-leader', 'UP');
    await page.locator('a.tile').nth(74).waitFor();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'overview-phone.png') });
    await page.click('[data-testid=language]');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('hi');
    await page.locator('h2', { hasText: 'उत्तर प्रदेश के जिले' }).waitFor();
    expect(await page.locator('.score-label').textContent()).toBe('गति');
    expect(await page.locator('.legend').textContent()).toContain('कोई गतिविधि नहीं');
    await page.screenshot({ path: join(SHOTS, 'overview-hindi-phone.png') });
    // The language stays chosen across pages; numbers use Indian grouping.
    await page.goto(`${base}/area/UP-Z-LUCKNOW`);
    await page.locator('.score-label', { hasText: 'गति' }).waitFor();
    expect(await page.evaluate(() => new Intl.NumberFormat('hi-IN').format(160000))).toBe('1,60,000');
    await phone.close();
  });

  it('lands a district president on their district, shows only their subtree, and their quota with names', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    const page = await open(context);
    const panelRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/candidates-panel') && panelRequests.push(r.url()));
    await signIn(page, 'district-president', DISTRICT);
    await page.locator('[data-testid=children] tbody tr').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Lucknow');
    // No state map, no ranked districts, breadcrumbs start at their own district.
    expect(await page.locator('a.tile').count()).toBe(0);
    expect(await page.locator('[data-testid=districts]').count()).toBe(0);
    expect(await page.locator('.breadcrumbs li').allTextContents()).toEqual(['Lucknow']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'district-president-phone.png') });
    // The state and another district are refused by the services, and the page says so.
    for (const outside of ['UP', 'UP-D-AGRA']) {
      await page.goto(`${base}/area/${outside}`);
      await page.locator('[role=alert]', { hasText: /outside your area/ }).waitFor();
    }
    // meetings learns the district in-charge from org's position events (the quota's holders).
    await waitFor(
      async () => {
        const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
        const report = await call(
          'meetings',
          'GET',
          `/quotas/compliance?areaId=${DISTRICT}&from=${day}&to=${day}`,
        );
        return report.status === 200 && report.body.summary.holders > 0;
      },
      { what: 'meetings to know the district in-charge', timeoutMs: 30_000, intervalMs: 500 },
    );
    await page.goto(`${base}/compliance/${DISTRICT}`);
    const row = page.locator('[data-testid=quota] tbody tr');
    await row.first().waitFor();
    expect(await row.locator('th').allTextContents()).toEqual(['Lucknow']);
    const holder = (
      await call('meetings', 'GET', `/quotas/compliance?areaId=${DISTRICT}&from=2026-01-01&to=2026-01-01`)
    ).body.holders[0];
    expect(holder.name).toBeTruthy();
    expect(await row.first().textContent()).toContain(holder.name);
    await page.locator('section[aria-labelledby=training] figure.chart').waitFor();
    // No candidate panels for a district president: no section, no link, and the page never asked for them.
    expect(await page.locator('[data-testid=panels], [data-testid=panels-link]').count()).toBe(0);
    expect(await page.locator('a[href$="#panels"]').count()).toBe(0);
    await page.goto(`${base}/area/${DISTRICT}`);
    await page.locator('[data-testid=children] tbody tr').first().waitFor();
    expect(await page.locator('a[href$="#panels"]').count()).toBe(0);
    expect(panelRequests).toEqual([]);
    await page.goto(`${base}/compliance/${DISTRICT}`);
    await page.locator('section[aria-labelledby=training] figure.chart').waitFor();
    await page.screenshot({ path: join(SHOTS, 'compliance-phone.png'), fullPage: true });
    await context.close();
    // The browser logs the refused requests (403) themselves: expected here, and nothing else.
    const refused = consoleErrors.filter((e) => /status of 403/.test(e));
    expect(refused.length).toBeGreaterThan(0);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !refused.includes(e)));
  });

  it('is usable from the keyboard: skip link, then a district tile opened with Enter', async () => {
    const page = await open(leadership);
    await page.goto(`${base}/area/UP`);
    await page.locator('a.tile').nth(74).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.locator(`a.tile[data-area="${DISTRICT}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/area/${DISTRICT}`);
    await page.close();
  });

  it('changes a district tile colour within seconds of a meeting held through the meetings API', async () => {
    const page = await open(leadership);
    await page.goto(`${base}/area/UP`);
    const tile = page.locator(`a.tile[data-area="${DISTRICT}"]`);
    await tile.waitFor();
    await page.locator('.live', { hasText: 'Live' }).waitFor();
    // The same stream read whole through the dashboard (once=true: one snapshot, then it ends).
    const snapshot = await fetch(`${base}/api/analytics/areas/UP/momentum/stream?level=district&once=true`, {
      headers: { authorization: ADMIN },
    });
    expect([snapshot.status, snapshot.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
    const [, data] = /^event: scores\n(?:id: .*\n)?data: (.*)$/m.exec(await snapshot.text())!;
    expect((JSON.parse(data) as { items: unknown[] }).items).toHaveLength(75);
    const before = await tile.getAttribute('data-band');
    expect(before).toBe('none'); // generated data: no activity yet

    const mandal = (await call('analytics', 'GET', `/areas/${DISTRICT}/momentum/children`)).body.items[0]
      .areaId;
    const mandalId = (await call('analytics', 'GET', `/areas/${mandal}/momentum/children`)).body.items[0]
      .areaId;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const auth = bearer(PRESIDENT);
    const meeting = await waitFor(
      async () => {
        const res = await call(
          'meetings',
          'POST',
          '/meetings',
          {
            kind: 'booth-committee',
            title: 'बूथ समिति बैठक',
            areaId: mandalId,
            scheduledStart: minutesAgo(90),
            scheduledEnd: minutesAgo(30),
          },
          auth,
        );
        return res.status === 201 ? (res.body as { id: string }) : undefined;
      },
      { what: 'meetings to know the mandal', timeoutMs: 20_000 },
    );
    const held = await call(
      'meetings',
      'POST',
      `/meetings/${meeting.id}/held`,
      { start: minutesAgo(85), end: minutesAgo(35), headcount: 40 },
      auth,
    );
    expect(held.status).toBe(200);
    const heldAt = Date.now();
    await page.waitForFunction(
      ([selector, band]) => document.querySelector(selector)?.getAttribute('data-band') !== band,
      [`a.tile[data-area="${DISTRICT}"]`, before] as const,
      { timeout: 30_000 },
    );
    console.log(`dashboard: tile changed ${Date.now() - heldAt} ms after the meeting was recorded held`);
    expect(await tile.getAttribute('aria-label')).toMatch(/^Lucknow: /);
    await page.screenshot({ path: join(SHOTS, 'overview-live-desktop.png') });
    // The district's meetings page lists it, with its photos (none were sent) a click away.
    await page.goto(`${base}/area/${DISTRICT}/meetings`);
    await page.locator('.meeting', { hasText: 'बूथ समिति बैठक' }).waitFor();
    await page.locator('.meeting button').first().click();
    await page.locator('.meeting', { hasText: 'No photos.' }).waitFor();
    await page.close();
  });
});
