#!/usr/bin/env node
// Local infrastructure for Sangathan without Docker: a single-node KRaft Kafka and FerretDB 2 on
// PostgreSQL 15 with the DocumentDB extension, provisioned into a cache and started per profile.
//
//   node infra/local/infra.mjs <start|stop|status|wait|env|provision> [--profile dev|test|bench] [--fresh]
//
// The components live in lib/ (config, kafka, postgres, ferretdb, processes, probes, lifecycle). See README.md.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InfraError, PROFILE_NAMES, envFor, externalMessage } from './lib/config.mjs';
import { provision, start, status, stop, waitReady } from './lib/lifecycle.mjs';

export { envFor } from './lib/config.mjs';
export { provision, start, status, stop, waitReady } from './lib/lifecycle.mjs';

const USAGE = `usage: node infra/local/infra.mjs <command> [--profile ${PROFILE_NAMES.join('|')}] [--fresh]

commands:
  start      provision if needed, start (or reuse) Kafka, PostgreSQL and FerretDB, wait until ready
  stop       stop all three (SIGTERM, SIGKILL after 20 s); idempotent
  status     show running/stopped, pid, address, data folder and log file of each component
  wait       wait (up to 120 s) until all answer; fails fast if a process died
  env        print KAFKA_BROKERS=… and MONGODB_URI=… for the profile (--export adds "export ")
  provision  only download the Kafka jars and build PostgreSQL's extensions and FerretDB into the cache

options:
  --profile <name>     dev (default): Kafka 9092, PostgreSQL 54320, FerretDB 27017
                       test: 19092, 54321, 27018; bench: 19192, 54322, 27019; fault (tests that kill it): 19292, 54323, 27020
  --fresh              (start) stop and wipe the profile's data folder first
  --json               (status) machine-readable output
  --timeout <seconds>  (start, wait) readiness timeout, default 120

environment: SANGATHAN_KAFKA_PORT, SANGATHAN_KAFKA_CONTROLLER_PORT, SANGATHAN_POSTGRES_PORT, SANGATHAN_MONGO_PORT,
  SANGATHAN_CACHE, SANGATHAN_VENDOR_DIR, SANGATHAN_KAFKA_VERSION;
  KAFKA_BROKERS + MONGODB_URI both set = use external infrastructure, manage nothing.`;

function parseArgs(argv) {
  const opts = {
    profile: 'dev',
    fresh: false,
    json: false,
    export: false,
    timeoutMs: undefined,
    command: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--profile' || arg === '-p') opts.profile = argv[++i];
    else if (arg.startsWith('--profile=')) opts.profile = arg.slice('--profile='.length);
    else if (arg === '--fresh') opts.fresh = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--export') opts.export = true;
    else if (arg === '--timeout') opts.timeoutMs = Number(argv[++i]) * 1000;
    else if (arg.startsWith('--timeout=')) opts.timeoutMs = Number(arg.slice('--timeout='.length)) * 1000;
    else if (arg === '--help' || arg === '-h') opts.command = 'help';
    else if (!arg.startsWith('-') && !opts.command) opts.command = arg;
    else throw new InfraError(`sangathan infra: unknown argument "${arg}"\n${USAGE}`, 2);
  }
  if (!opts.profile)
    throw new InfraError(`sangathan infra: --profile needs a value (${PROFILE_NAMES.join(', ')})`, 2);
  if (opts.timeoutMs !== undefined && !(opts.timeoutMs > 0))
    throw new InfraError('sangathan infra: --timeout needs a number of seconds', 2);
  return opts;
}

function printStatus(st) {
  if (st.external) {
    console.log(externalMessage(st));
    return;
  }
  console.log(`profile ${st.profile}: data ${st.dataDir}, cache ${st.cache}`);
  if (st.engine) console.log(`engine    ${st.engine}`);
  for (const c of st.components) {
    const state = c.running
      ? c.listening
        ? 'running'
        : 'starting (not listening yet)'
      : c.listening
        ? 'stopped (port in use by another process!)'
        : 'stopped';
    console.log(`${c.name.padEnd(10)} ${state}`);
    console.log(`  pid       ${c.pid ?? '-'}`);
    console.log(`  address   ${c.address}${c.controller ? ` (controller ${c.controller})` : ''}`);
    console.log(`  data      ${c.dataDir}`);
    console.log(`  log       ${c.logFile}${c.stdoutFile ? ` (JVM output: ${c.stdoutFile})` : ''}`);
  }
}

export async function main(argv = process.argv.slice(2)) {
  const opts = parseArgs(argv);
  switch (opts.command) {
    case 'start':
      await start(opts.profile, { fresh: opts.fresh, timeoutMs: opts.timeoutMs });
      return 0;
    case 'stop':
      await stop(opts.profile);
      return 0;
    case 'wait':
      await waitReady(opts.profile, { timeoutMs: opts.timeoutMs });
      return 0;
    case 'provision':
      await provision({ profile: opts.profile, announceCached: true });
      return 0;
    case 'status': {
      const st = await status(opts.profile);
      if (opts.json) console.log(JSON.stringify(st, null, 2));
      else printStatus(st);
      return st.external || st.components.every((c) => c.running) ? 0 : 3;
    }
    case 'env': {
      const prefix = opts.export ? 'export ' : '';
      for (const [key, value] of Object.entries(envFor(opts.profile)))
        console.log(`${prefix}${key}=${value}`);
      return 0;
    }
    case 'help':
      console.log(USAGE);
      return 0;
    default:
      console.error(opts.command ? `sangathan infra: unknown command "${opts.command}"\n${USAGE}` : USAGE);
      return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      if (error instanceof InfraError) {
        console.error(error.message);
        process.exitCode = error.exitCode;
      } else {
        console.error(`sangathan infra: unexpected error: ${error?.stack || error}`);
        process.exitCode = 1;
      }
    },
  );
}
