// Thin wrapper over infra/local/infra.mjs for the start and test runners.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './ensure-deps.mjs';

const infraCli = join(repoRoot, 'infra', 'local', 'infra.mjs');

// Decided once, before this process exports the env of infrastructure it started itself.
const external = Boolean(process.env.KAFKA_BROKERS && process.env.MONGODB_URI);

export function usingExternalInfra() {
  return external;
}

export function infra(command, profile, extra = []) {
  const env = { ...process.env };
  if (!external) {
    // These may now point at what we started; the CLI must not mistake them for external infrastructure.
    delete env.KAFKA_BROKERS;
    delete env.MONGODB_URI;
  }
  const result = spawnSync(process.execPath, [infraCli, command, '--profile', profile, ...extra], {
    cwd: repoRoot,
    env,
    stdio: command === 'env' ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`infra ${command} --profile ${profile} failed (exit ${result.status})`);
  }
  return result.stdout ?? '';
}

/** Starts (or reuses) the profile's Kafka, PostgreSQL and FerretDB and returns the env vars that point at them. */
export function startInfra(profile, { fresh = false } = {}) {
  if (usingExternalInfra()) {
    console.log(
      `sangathan: using external infrastructure KAFKA_BROKERS=${process.env.KAFKA_BROKERS} MONGODB_URI=${process.env.MONGODB_URI}`,
    );
    return { KAFKA_BROKERS: process.env.KAFKA_BROKERS, MONGODB_URI: process.env.MONGODB_URI };
  }
  infra('start', profile, fresh ? ['--fresh'] : []);
  const env = {};
  for (const line of infra('env', profile).split('\n')) {
    const match = /^(?:export\s+)?([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  }
  if (!env.KAFKA_BROKERS || !env.MONGODB_URI)
    throw new Error('infra env did not print KAFKA_BROKERS and MONGODB_URI');
  return env;
}

export function stopInfra(profile) {
  if (!usingExternalInfra()) infra('stop', profile);
}
