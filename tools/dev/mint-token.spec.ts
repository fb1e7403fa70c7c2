import { ROLES, verifyToken } from '@sangathan/auth';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenCommand } from './mint-token';

describe('npm run token', () => {
  let org: Server;
  let orgUrl: string;
  const requests: { url?: string; authorization?: string }[] = [];

  beforeAll(async () => {
    // Stands in for org's GET /areas/:id, the only call the tool makes.
    org = createServer((req, res) => {
      requests.push({ url: req.url, authorization: req.headers.authorization });
      if (req.url === '/areas/UP-D-LUCKNOW') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: 'UP-D-LUCKNOW', ancestors: ['IN', 'UP', 'UP-Z-LUCKNOW'] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => org.listen(0, '127.0.0.1', resolve));
    orgUrl = `http://127.0.0.1:${(org.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => org.close(resolve)));

  it('prints help that lists every role instead of a token', async () => {
    const result = await tokenCommand(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Prints a development access token/);
    for (const role of ROLES) expect(result.stdout).toContain(role);
  });

  it('reads the path of --area from org when --path is not given', async () => {
    const result = await tokenCommand(['--role', 'district-president', '--area', 'UP-D-LUCKNOW'], {
      ORG_URL: orgUrl,
    });
    expect(result.code).toBe(0);
    expect(verifyToken(result.stdout)).toMatchObject({
      roles: ['district-president'],
      areaId: 'UP-D-LUCKNOW',
      areaPath: ['IN', 'UP', 'UP-Z-LUCKNOW'],
    });
    expect(requests.at(-1)?.authorization).toMatch(/^Bearer /);
  });

  it('keeps an explicit --path without asking org', async () => {
    const before = requests.length;
    const result = await tokenCommand(['--role', 'incharge', '--area', 'UP-D-AGRA', '--path', 'IN,UP'], {
      ORG_URL: orgUrl,
    });
    expect(verifyToken(result.stdout)).toMatchObject({ areaId: 'UP-D-AGRA', areaPath: ['IN', 'UP'] });
    expect(requests.length).toBe(before);
  });

  it('refuses an unknown role or an area org does not know, pointing at --help', async () => {
    const role = await tokenCommand(['--role', 'king']);
    expect(role).toMatchObject({ code: 2, stdout: '' });
    expect(role.stderr).toContain('--help');
    const area = await tokenCommand(['--area', 'NOWHERE'], { ORG_URL: orgUrl });
    expect(area).toMatchObject({ code: 2, stdout: '' });
    expect(area.stderr).toContain('org has no area NOWHERE');
  });
});
