/**
 * Roles people hold in the party, and what each may do. A role's power is always limited to the
 * subtree of the area its holder's position covers (see area-scope.ts).
 */
export const ROLES = [
  'national-admin', // national HQ / party president: everything, panels included
  'state-leader', // state HQ leadership
  'zone-coordinator', // मंडल कोऑर्डिनेटर: tours seats, proposes candidate panels
  'district-president', // जिलाध्यक्ष
  'district-incharge', // जिला प्रभारी
  'incharge', // प्रभारी at any level below: holds daily meetings
  'it-cell', // IT-cell office bearer
  'booth-worker', // booth committee member or volunteer
  'analyst', // read-only analytics and events
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'meetings:read',
  'meetings:write',
  'training:read',
  'training:write',
  'panels:read',
  'panels:write',
  'panels:seal',
  // Record feedback on a panel's prospects (only where the panel designated the caller as a collector).
  'panels:feedback',
  // Read the candidate panels' audit log.
  'panels:audit',
  'notifications:write',
  'analytics:read',
  'analytics:admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['org:read', 'meetings:read', 'training:read', 'analytics:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  'national-admin': [...PERMISSIONS],
  'state-leader': [
    ...READ_ALL,
    'org:write',
    'meetings:write',
    'training:write',
    'notifications:write',
    'analytics:admin',
  ],
  // Coordinators propose panels and may read the panels they are part of; only the top seals.
  'zone-coordinator': [
    ...READ_ALL,
    'org:write',
    'meetings:write',
    'training:write',
    'panels:read',
    'panels:write',
    'panels:feedback',
  ],
  // Local leaders and workers a coordinator may designate as panel feedback collectors.
  'district-president': [
    ...READ_ALL,
    'org:write',
    'meetings:write',
    'training:write',
    'notifications:write',
    'panels:feedback',
  ],
  'district-incharge': [...READ_ALL, 'org:write', 'meetings:write', 'training:write', 'panels:feedback'],
  incharge: [...READ_ALL, 'meetings:write', 'panels:feedback'],
  'it-cell': [...READ_ALL, 'meetings:write', 'training:write'],
  'booth-worker': ['org:read', 'meetings:read', 'meetings:write', 'training:read'],
  analyst: ['analytics:read', 'org:read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}
