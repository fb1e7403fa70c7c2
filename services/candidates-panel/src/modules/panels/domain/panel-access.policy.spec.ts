import { permissionsOf, type Role } from '@sangathan/auth';
import { decideAccess, type AccessFacts, type PanelAction } from './panel-access.policy';

type Who = {
  roles: Role[];
  national?: boolean;
  zoneCoordinator?: boolean;
  president?: boolean;
  collector?: boolean;
};

const PEOPLE: Record<string, Who> = {
  'zone coordinator (holder)': { roles: ['zone-coordinator'], zoneCoordinator: true },
  'zone-coordinator role, not the holder': { roles: ['zone-coordinator'] },
  'designated collector': { roles: ['district-president'], collector: true },
  'undesignated district president': { roles: ['district-president'] },
  'national leadership': { roles: ['national-admin'], national: true },
  president: { roles: ['national-admin'], national: true, president: true },
  'state leader': { roles: ['state-leader'] },
  'booth worker': { roles: ['booth-worker'] },
};
const ACTIONS: PanelAction[] = [
  'open',
  'read',
  'manage',
  'feedback',
  'review',
  'decide',
  'overview',
  'audit',
];

// Expected outcome in the panel's zone / outside it, per action in ACTIONS order (Y allowed, N refused).
const EXPECTED: Record<string, [string, string]> = {
  'zone coordinator (holder)': ['YYYYNNYN', 'NNNNNNYN'],
  'zone-coordinator role, not the holder': ['NNNNNNYN', 'NNNNNNYN'],
  'designated collector': ['NNNYNNNN', 'NNNYNNNN'],
  'undesignated district president': ['NNNNNNNN', 'NNNNNNNN'],
  'national leadership': ['YYNNYNYY', 'YYNNYNYY'],
  president: ['YYNNYYYY', 'YYNNYYYY'],
  'state leader': ['NNNNNNNN', 'NNNNNNNN'],
  'booth worker': ['NNNNNNNN', 'NNNNNNNN'],
};

const cases = Object.entries(PEOPLE).flatMap(([name, who]) =>
  (['in zone', 'out of zone'] as const).flatMap((where, w) =>
    ACTIONS.map((action, a) => [name, action, where, EXPECTED[name][w][a] === 'Y', who] as const),
  ),
);

describe('panel access policy: roles × actions × in/out of zone', () => {
  it.each(cases)('%s: %s %s → allowed %s', (_name, action, where, allowed, who) => {
    const facts: AccessFacts = {
      permissions: permissionsOf(who.roles),
      // National leadership's area holds every zone; a zone coordinator's holds only their zone.
      inScope: where === 'in zone' || who.national === true,
      national: who.national ?? false,
      zoneCoordinator: where === 'in zone' && (who.zoneCoordinator ?? false),
      president: who.president ?? false,
      collector: who.collector ?? false,
    };
    const decision = decideAccess(action, facts);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.code).toMatch(/^[A-Z_]+$/);
  });
});
