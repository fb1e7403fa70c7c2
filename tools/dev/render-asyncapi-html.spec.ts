import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_DEFINITIONS } from '@sangathan/contracts';

const root = join(__dirname, '..', '..');

/*
 * The renderer runs compiled, in its own Node process: AsyncAPI's React component loads jsdom, whose ESM-only
 * dependencies Node loads natively but Jest's module system does not.
 */
describe('the rendered stream catalogue (docs/streams/index.html)', () => {
  it('is committed up to date with the contracts (`npm run asyncapi`)', () => {
    const build = spawnSync(process.execPath, ['tools/scripts/build.mjs', '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
    const check = spawnSync(process.execPath, ['dist/tools/dev/generate-asyncapi.js', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60_000);

  it('shows every event type with a Lucknow example', () => {
    const html = readFileSync(join(root, 'docs/streams/index.html'), 'utf8');
    for (const definition of EVENT_DEFINITIONS)
      expect(html).toContain(`${definition.type} v${definition.version}`);
    expect(html).toContain('UP-D-LUCKNOW');
  });
});
