import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What `start` decides about a profile's PostgreSQL data folder before it touches it (lib/postgres.mjs). */
describe('the PostgreSQL data folder check', () => {
  const lib = join(__dirname, '..', 'lib', 'postgres.mjs');
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'sangathan-pgdata-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function check(
    dataDir: string,
    passwordFile = join(root, 'password'),
  ): { outcome?: string; error?: string } {
    const script = `import(${JSON.stringify(lib)}).then((m) => {
      try { console.log(JSON.stringify({ outcome: m.checkDataFolder(${JSON.stringify({ dataDir, passwordFile })}) })); }
      catch (e) { console.log(JSON.stringify({ error: e.message })); }
    });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return JSON.parse(run.stdout.trim());
  }

  it('creates a cluster only where there is no folder or an empty one', () => {
    expect(check(join(root, 'missing'))).toEqual({ outcome: 'absent' });
    mkdirSync(join(root, 'empty'));
    expect(check(join(root, 'empty'))).toEqual({ outcome: 'absent' });
  });

  it('refuses a foreign folder by name and leaves it as it was', () => {
    const foreign = join(root, 'data');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'मेरी फ़ाइल');
    const { error } = check(foreign);
    expect(error).toContain(foreign);
    expect(error).toContain('not a PostgreSQL 15 data folder');
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('मेरी फ़ाइल');
  });

  it('refuses a cluster of another PostgreSQL version, and one whose password file is gone', () => {
    const other = join(root, 'data14');
    mkdirSync(other);
    writeFileSync(join(other, 'PG_VERSION'), '14\n');
    expect(check(other).error).toMatch(/PG_VERSION 14/);
    const ours = join(root, 'data15');
    mkdirSync(ours);
    writeFileSync(join(ours, 'PG_VERSION'), '15\n');
    expect(check(ours).error).toContain('has no password file');
    writeFileSync(join(root, 'password'), 'secret\n');
    expect(check(ours)).toEqual({ outcome: 'present' });
    expect(existsSync(join(ours, 'PG_VERSION'))).toBe(true);
  });
});
