// Runs a static check (lint or typecheck) for one project and records it as one passed/failed check,
// so the test runner's total line counts broken lint and types, not only failing tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './ensure-deps.mjs';

const [check, projectRoot] = process.argv.slice(2);
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const commands = {
  lint: [bin('eslint'), ['--max-warnings=0', projectRoot]],
  typecheck: [bin('tsc'), ['-p', join(projectRoot, 'tsconfig.json'), '--noEmit']],
};
if (!commands[check] || !projectRoot) {
  console.error('usage: node tools/scripts/check.mjs <lint|typecheck> <projectRoot>');
  process.exit(2);
}
const [cmd, args] = commands[check];
const result = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
const ok = result.status === 0;
const dir = join(repoRoot, 'tmp', 'test-results');
mkdirSync(dir, { recursive: true });
const name = `${projectRoot.replace(/[\\/]/g, '-')}-${check}`;
writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 }));
process.exit(ok ? 0 : 1);
