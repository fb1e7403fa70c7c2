// `npm test`: installs what is missing, starts an isolated test infrastructure (own ports and data
// folder), runs lint, type-check, unit and integration tests of every project, prints one total line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps, repoRoot } from './ensure-deps.mjs';
import { startInfra, stopInfra } from './infra-client.mjs';

const started = Date.now();
const keepInfra = process.argv.includes('--keep-infra');
ensureDeps();
const resultsDir = join(repoRoot, 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });

const nx = (targets) =>
  spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'nx', 'bin', 'nx.js'),
      'run-many',
      '-t',
      ...targets,
      '--outputStyle=stream',
      '--nxBail=false',
      '--skipNxCache',
    ],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' },
    },
  ).status;

let exitCode = 0;
let formatFailed = false;
console.log('sangathan: formatting (prettier --check; `npm run format` fixes it)…');
const prettier = spawnSync(
  process.execPath,
  [join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '--log-level=warn', '.'],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (prettier.status !== 0) {
  formatFailed = true;
  exitCode = 1;
}
console.log('sangathan: lint, type-check and unit tests…');
if (nx(['lint', 'typecheck', 'test']) !== 0) exitCode = 1;

let infraError;
try {
  console.log('sangathan: starting the test infrastructure (Kafka, PostgreSQL + FerretDB; test profile)…');
  const env = startInfra('test', { fresh: true });
  // Request logs of the apps under test drown the test output; LOG_LEVEL=info brings them back.
  Object.assign(process.env, env, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  console.log('sangathan: integration tests against the real broker and database…');
  if (nx(['int-test']) !== 0) exitCode = 1;
} catch (error) {
  infraError = error;
  exitCode = 1;
  console.error(`sangathan: ${error.message}`);
} finally {
  if (!keepInfra) {
    try {
      stopInfra('test');
    } catch (error) {
      console.error(`sangathan: could not stop the test infrastructure: ${error.message}`);
    }
  }
}

let passed = 0;
let failed = (infraError ? 1 : 0) + (formatFailed ? 1 : 0);
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir)) {
    const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    passed += result.passed;
    failed += result.failed;
  }
}
if (exitCode !== 0 && failed === 0) failed = 1; // a task died before it could report
console.log(`sangathan: npm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
