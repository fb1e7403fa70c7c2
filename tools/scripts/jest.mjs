// Runs one project's unit (*.spec.ts) or integration (*.int-spec.ts) tests with the shared preset.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { repoRoot } from './ensure-deps.mjs';

const [kind, projectRoot, ...rest] = process.argv.slice(2);
if (!['unit', 'integration'].includes(kind) || !projectRoot) {
  console.error('usage: node tools/scripts/jest.mjs <unit|integration> <projectRoot> [jest args]');
  process.exit(2);
}
const integration = kind === 'integration';
if (integration && !(process.env.KAFKA_BROKERS && process.env.MONGODB_URI)) {
  console.error(
    'sangathan: integration tests need a Kafka broker and a MongoDB-wire database; run `npm test` (it starts them) ' +
      'or export KAFKA_BROKERS and MONGODB_URI',
  );
  process.exit(2);
}
const args = [
  join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--config',
  join(repoRoot, 'jest.preset.js'),
  '--rootDir',
  resolve(repoRoot, projectRoot),
  '--testMatch',
  integration ? '**/*.int-spec.ts' : '**/*.spec.ts',
  '--passWithNoTests',
  ...(integration ? ['--runInBand', '--testTimeout=60000', '--forceExit'] : ['--maxWorkers=2']),
  ...rest,
];
const name = `${projectRoot.replace(/[\\/]/g, '-')}-${kind}`;
const result = spawnSync(process.execPath, args, {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, SANGATHAN_RESULTS_NAME: name },
});
process.exit(result.status ?? 1);
