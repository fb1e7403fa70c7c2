import type { Principal } from '@sangathan/auth';
import { ApplicationError, ConcurrentChangeError } from '@sangathan/kernel';
import type { OutboxEntry } from '@sangathan/messaging';
import type { OrgDirectoryPort } from '../../../org-directory/application/ports/org-directory.port';
import { PanelAccess } from '../../application/panel-access.service';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import type { DecisionClaimsPort } from '../../application/ports/decision-claims.port';
import type { PanelRepositoryPort } from '../../application/ports/panel.repository.port';
import type { ProspectRepositoryPort } from '../../application/ports/prospect.repository.port';
import { Panel } from '../../domain/panel.entity';
import { Prospect } from '../../domain/prospect.entity';
import { DecidePanelHandler } from './decide-panel.handler';

const PRESIDENT: Principal = { sub: 'pres', roles: ['national-admin'], areaId: 'IN', areaPath: [] };
const ctx = { actorId: 'pres', correlationId: 'c' };
const t0 = new Date('2029-01-01T00:00:00Z');

/** A submitted panel of `seat` with prospects a and b (outsiders; `a` shares its phone across seats). */
function submittedPanel(id: string, seat: string): { panel: Panel; prospects: Prospect[] } {
  const { panel } = Panel.open({
    id,
    cycleId: 'LS-2029',
    seatId: seat,
    seatLevel: 'lok-sabha',
    seatAncestors: ['IN', 'UP'],
    zoneId: 'Z1',
    zoneAncestors: ['IN', 'UP'],
    ownerId: 'zc1',
    deadline: new Date(t0.getTime() + 86_400_000),
    by: 'zc1',
    at: t0,
  });
  const prospects = ['a', 'b'].map((p, i) =>
    Prospect.outsider({
      id: `${id}-${p}`,
      panelId: id,
      name: `Person ${p}`,
      phone: `+9198000000${i}${p === 'a' ? 0 : i}`,
      profile: null,
      pastResults: [],
      addedBy: 'zc1',
      addedAt: t0,
    }),
  );
  panel.propose(
    prospects.map((p) => ({ prospectId: p.state.id, rationale: 'why' })),
    new Set(prospects.map((p) => p.state.id)),
    'zc1',
    t0,
  );
  panel.submit('zc1', t0);
  return { panel, prospects };
}

/** In-memory fakes of the ports the decision uses. */
class World {
  panels = new Map<string, { panel: Panel; version: number }>();
  prospects = new Map<string, Prospect>();
  claims = new Map<string, string>();
  saves = 0;
  releases = 0;
  /** Saves that lose a version race before succeeding. */
  racesToLose = 0;

  add(id: string, seat: string): string[] {
    const { panel, prospects } = submittedPanel(id, seat);
    this.panels.set(id, { panel, version: 1 });
    for (const p of prospects) this.prospects.set(p.state.id, p);
    return prospects.map((p) => p.state.id);
  }

  handler(): DecidePanelHandler {
    const repo: Partial<PanelRepositoryPort> = {
      load: async (id) => {
        const stored = this.panels.get(id);
        // A fresh copy each time, as a database read would give.
        return stored
          ? { panel: Panel.restore(structuredClone(stored.panel.snapshot) as never), version: stored.version }
          : null;
      },
      save: async (panel: Panel, version: number, _events: readonly OutboxEntry[]) => {
        if (this.racesToLose > 0) {
          this.racesToLose--;
          throw new ConcurrentChangeError('CONCURRENT_CHANGE', 'changed meanwhile', []);
        }
        this.saves++;
        this.panels.set(panel.id, { panel, version: version + 1 });
      },
    };
    const prospects: Partial<ProspectRepositoryPort> = {
      get: async (id) => this.prospects.get(id) ?? null,
      personKeyOf: (p) => p.identity,
    };
    const claims: DecisionClaimsPort = {
      claim: async (cycle, person, panelId) => {
        const key = `${cycle}:${person}`;
        if (!this.claims.has(key)) this.claims.set(key, panelId);
        return this.claims.get(key)!;
      },
      release: async (cycle, person, panelId) => {
        this.releases++;
        if (this.claims.get(`${cycle}:${person}`) === panelId) this.claims.delete(`${cycle}:${person}`);
      },
    };
    const directory: Partial<OrgDirectoryPort> = {
      holderOf: async () => 'zc1',
      holdsPositionType: async (memberId, type) => memberId === 'pres' && type === 'national-president',
    };
    const workflow = new PanelWorkflow(
      repo as PanelRepositoryPort,
      { now: () => new Date(t0.getTime() + 3600_000) },
      new PanelAccess(directory as OrgDirectoryPort),
    );
    return new DecidePanelHandler(workflow, prospects as ProspectRepositoryPort, claims);
  }
}

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: ApplicationError) => `${error.status} ${error.code}`,
  );

describe('DecidePanelHandler', () => {
  it('claims the person for the cycle and seals the name', async () => {
    const world = new World();
    const [a] = world.add('p1', 'LS-1');
    const view = await world.handler().execute('p1', { prospectId: a }, PRESIDENT, ctx);
    expect(view).toMatchObject({ status: 'decided', decision: { prospectId: a, by: 'pres' } });
    expect([...world.claims.values()]).toEqual(['p1']);
  });

  it('refuses the same person for a second seat of the cycle, changing nothing', async () => {
    const world = new World();
    const [a1] = world.add('p1', 'LS-1');
    world.add('p2', 'LS-2');
    await world.handler().execute('p1', { prospectId: a1 }, PRESIDENT, ctx);
    const sameOnP2 = 'p2-a'; // same phone as p1-a
    expect(await code(world.handler().execute('p2', { prospectId: sameOnP2 }, PRESIDENT, ctx))).toBe(
      '409 DECIDED_FOR_ANOTHER_SEAT',
    );
    expect(world.panels.get('p2')!.panel.snapshot.status).toBe('submitted');
    expect(world.saves).toBe(1);
  });

  it('gives the claim back when its write loses a race, then decides on the re-run', async () => {
    const world = new World();
    const [a] = world.add('p1', 'LS-1');
    world.racesToLose = 2;
    const view = await world.handler().execute('p1', { prospectId: a }, PRESIDENT, ctx);
    expect(view.status).toBe('decided');
    expect(world.releases).toBe(2);
    expect([...world.claims.entries()]).toEqual([[`LS-2029:${world.prospects.get(a)!.identity}`, 'p1']]);
  });

  it('refuses anyone but the president, and a name not on the panel', async () => {
    const world = new World();
    const [a] = world.add('p1', 'LS-1');
    const hq: Principal = { ...PRESIDENT, sub: 'hq' };
    expect(await code(world.handler().execute('p1', { prospectId: a }, hq, ctx))).toBe('403 NOT_PRESIDENT');
    expect(await code(world.handler().execute('p1', { prospectId: 'x' }, PRESIDENT, ctx))).toBe(
      '400 NOT_ON_PANEL',
    );
    expect(world.claims.size).toBe(0);
  });
});
