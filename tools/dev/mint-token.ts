// Prints a development access token: npm run token -- --role district-president --area UP-D-LUCKNOW
import { ROLES, signToken, type Role } from '@sangathan/auth';

function arg(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const role = (arg('role', 'national-admin') ?? 'national-admin') as Role;
if (!ROLES.includes(role)) {
  console.error(`unknown role ${role}; one of: ${ROLES.join(', ')}`);
  process.exit(2);
}
const areaId = arg('area', 'IN') ?? 'IN';
const areaPath = (arg('path', '') ?? '').split(',').filter(Boolean);
const token = signToken({ sub: arg('member', `dev-${role}`) ?? `dev-${role}`, name: arg('name'), roles: [role], areaId, areaPath }, undefined, '30d');
console.log(token);
