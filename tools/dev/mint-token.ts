// Prints a development access token: npm run token -- --role district-president --area UP-D-LUCKNOW
import { parseArgs } from 'node:util';
import { ROLE_PERMISSIONS, ROLES, signToken, type Role } from '@sangathan/auth';

const HELP = `Prints a development access token (JWT, valid 30 days) for trying the APIs.

usage: npm run token -- [--role <role>] [--area <area id>] [--path <ids>] [--member <id>] [--name <name>]

  --role    what the holder may do (default national-admin); one of the roles below
  --area    the area the holder's position covers (default IN); their power stops at its subtree
  --path    the area's ancestors, root first, comma-separated (IN,UP,UP-Z-LUCKNOW). Without it the path is
            read from the org service (ORG_URL, default http://127.0.0.1:3001), so npm start must be running
  --member  the member id the token speaks for (default dev-<role>)
  --name    a display name
  --help    this text

roles:
${ROLES.map((role) => `  ${role.padEnd(20)} ${ROLE_PERMISSIONS[role].join(', ')}`).join('\n')}

example: npm run token -- --role district-president --area UP-D-LUCKNOW`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(`${message}\n(npm run token -- --help lists the options and roles)`);
}

/** The area's ancestors as org knows them, read with a national-admin token. */
async function pathFromOrg(areaId: string, orgUrl: string): Promise<string[]> {
  const admin = signToken(
    { sub: 'dev-token-tool', roles: ['national-admin'], areaId: 'IN', areaPath: [] },
    undefined,
    '1m',
  );
  const response = await fetch(`${orgUrl}/areas/${encodeURIComponent(areaId)}`, {
    headers: { authorization: `Bearer ${admin}` },
  }).catch((error: Error) =>
    fail(
      `cannot reach org at ${orgUrl} to read the path of ${areaId} (${error.message}); start it (npm start) or pass --path`,
    ),
  );
  if (response.status === 404) fail(`org has no area ${areaId}`);
  if (!response.ok) fail(`org answered ${response.status} for area ${areaId}; pass --path instead`);
  const area = (await response.json()) as { id: string; ancestors: string[] };
  return area.ancestors;
}

/** What `npm run token` prints for these arguments: a token or the help on stdout, or a usage error with exit code 2. */
export async function tokenCommand(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    return { code: 0, stdout: await mint(args, env.ORG_URL ?? 'http://127.0.0.1:3001'), stderr: '' };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: '', stderr: error.message };
    throw error;
  }
}

async function mint(args: string[], orgUrl: string): Promise<string> {
  const { values } = (() => {
    try {
      return parseArgs({
        args,
        options: {
          role: { type: 'string', default: 'national-admin' },
          area: { type: 'string', default: 'IN' },
          path: { type: 'string' },
          member: { type: 'string' },
          name: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      return fail((error as Error).message);
    }
  })();
  if (values.help) return HELP;
  const role = values.role as Role;
  if (!ROLES.includes(role)) fail(`unknown role ${role}; one of: ${ROLES.join(', ')}`);
  const areaId = values.area.toUpperCase();
  const areaPath =
    values.path !== undefined
      ? values.path.split(',').filter(Boolean)
      : areaId === 'IN'
        ? []
        : await pathFromOrg(areaId, orgUrl);
  const sub = values.member ?? `dev-${role}`;
  return signToken({ sub, name: values.name, roles: [role], areaId, areaPath }, undefined, '30d');
}

if (require.main === module) {
  void tokenCommand(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
    if (stdout) console.log(stdout);
    if (stderr) console.error(stderr);
    process.exitCode = code;
  });
}
