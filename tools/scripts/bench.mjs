// `npm run bench -- <name>`: builds, starts (or reuses) the dev infrastructure and runs
// dist/bench/<name>.js. Benchmarks print their figures; they are not tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { repoRoot } from './ensure-deps.mjs';
import { startInfra } from './infra-client.mjs';

const [name, ...args] = process.argv.slice(2);
const available = readdirSync(join(repoRoot, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [args]\navailable: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}
await build({ quiet: true });
const env = {
  ...process.env,
  ...startInfra(process.env.SANGATHAN_BENCH_PROFILE ?? 'bench'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
const script = join(repoRoot, 'dist', 'bench', `${name}.bench.js`);
if (!existsSync(script)) throw new Error(`${script} was not built`);
const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', script, ...args], {
  cwd: repoRoot,
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
