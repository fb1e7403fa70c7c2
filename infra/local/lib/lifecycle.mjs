// provision, start, wait, stop and status of a profile's Kafka, PostgreSQL and FerretDB.
import fs from 'node:fs';
import {
  InfraError,
  READY_TIMEOUT_MS,
  config,
  envFor,
  externalInfra,
  externalMessage,
  redact,
} from './config.mjs';
import { ferretProvisioned, ferretReady, provisionFerretdb, requireGo, startFerretdb } from './ferretdb.mjs';
import {
  checkKafkaReady,
  kafkaProvisioned,
  provisionKafka,
  provisionKafkaAccess,
  requireJava,
  requireMaven,
  startKafka,
} from './kafka.mjs';
import { engineProvisioned, engineTree, postgresReady, provisionEngine, startPostgres } from './postgres.mjs';
import { ownProcess, terminate, withLock } from './processes.mjs';
import { firstHostPort, tcpReachable } from './probes.mjs';
import { makeLogger, seconds, sleep, tail } from './util.mjs';

/** Fails fast (exit 2, one line) when a tool needed now is missing, before any slow step. Returns java. */
function preflight(cfg) {
  const java = requireJava();
  if (!kafkaProvisioned(cfg)) requireMaven();
  if (!ferretProvisioned(cfg.ferretdb)) requireGo();
  return java;
}

/** Downloads the Kafka jars, builds PostgreSQL's extensions and FerretDB into the cache when missing. */
export async function provision(opts = {}) {
  const log = makeLogger(opts);
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    return { external: true };
  }
  const cfg = config(opts.profile || 'dev');
  preflight(cfg);
  const kafka = await provisionKafka(cfg, log);
  const postgres = await provisionEngine(cfg.cache, log);
  const ferretdb = await provisionFerretdb(cfg.ferretdb, log);
  if (!kafka && !postgres && !ferretdb && opts.announceCached) {
    log(`already cached: ${cfg.kafka.libs}, ${engineTree(cfg.cache).root}, ${cfg.ferretdb.binary}`);
  }
  return { kafka, postgres, ferretdb, cache: cfg.cache };
}

/** Starts (or reuses) the profile's Kafka, PostgreSQL and FerretDB, waits until ready, returns their env. */
export async function start(profile = 'dev', opts = {}) {
  const log = makeLogger(opts);
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    return { ...ext, external: true };
  }
  const cfg = config(profile);
  const java = preflight(cfg);
  await provisionKafka(cfg, log);
  await provisionEngine(cfg.cache, log);
  await provisionFerretdb(cfg.ferretdb, log);
  const started = Date.now();
  await withLock(`${cfg.dataDir}.lock`, `starting the ${profile} infrastructure`, log, async () => {
    if (opts.fresh) {
      await stopComponents(cfg, () => {});
      if (fs.existsSync(cfg.dataDir)) log(`--fresh: wiping ${cfg.dataDir}`);
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
    }
    fs.mkdirSync(cfg.dataDir, { recursive: true });
    await startKafka(cfg, log, java);
    await startPostgres(cfg, log);
    // FerretDB needs its PostgreSQL URL to answer before it starts.
    await waitFor(
      cfg,
      componentChecks(cfg).filter(({ c }) => c === cfg.postgres),
      opts,
      log,
    );
    await startFerretdb(cfg, log);
  });
  await waitReady(profile, { ...opts, log });
  await provisionKafkaAccess(cfg, log, java);
  log(
    `${profile} infrastructure ready in ${seconds(Date.now() - started)}: KAFKA_BROKERS=${envFor(profile).KAFKA_BROKERS} MONGODB_URI=${redact(envFor(profile).MONGODB_URI)}`,
  );
  return { ...envFor(profile), external: false };
}

function componentChecks(cfg) {
  return [
    {
      c: cfg.kafka,
      check: (pid) => checkKafkaReady(cfg, pid),
      logs: [cfg.kafka.logFile, cfg.kafka.stdoutFile],
    },
    { c: cfg.postgres, check: () => postgresReady(cfg), logs: [cfg.postgres.logFile] },
    { c: cfg.ferretdb, check: () => ferretReady(cfg), logs: [cfg.ferretdb.logFile] },
  ];
}

function failureReport(component, logFiles, reason) {
  const parts = [`sangathan infra: ${component} is not ready: ${reason}`];
  for (const file of logFiles) {
    parts.push(`--- last 20 lines of ${file} ---`);
    parts.push(tail(file, 20) || '(empty or missing)');
  }
  return parts.join('\n');
}

async function waitFor(cfg, checks, opts, log) {
  const timeoutMs = opts.timeoutMs ?? READY_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const started = Date.now();
  for (const { c, check, logs } of checks) {
    let lastError = null;
    for (;;) {
      let proc = ownProcess(c);
      if (!proc && fs.existsSync(c.pidFile)) {
        // Look again before declaring it dead: a process that has just been started can be caught mid-exec.
        await sleep(500);
        proc = ownProcess(c);
      }
      if (!proc) {
        if (!fs.existsSync(c.pidFile)) {
          throw new InfraError(
            `sangathan infra: ${c.name} is not running; start it with "node infra/local/infra.mjs start --profile ${cfg.profile}"`,
          );
        }
        throw new InfraError(failureReport(c.name, logs, 'its process exited'));
      }
      try {
        await check(proc.pid);
        break;
      } catch (error) {
        if (error instanceof InfraError) throw error;
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new InfraError(
          failureReport(
            c.name,
            logs,
            `timed out after ${seconds(timeoutMs)} (${lastError?.message ?? 'no answer'})`,
          ),
        );
      }
      await sleep(300);
    }
    log(`${c.name} ready on ${c.host}:${c.port} (${seconds(Date.now() - started)})`);
  }
}

/**
 * Waits until Kafka (admin API + "Kafka Server started"), PostgreSQL (DocumentDB installed) and
 * FerretDB (authenticated ping) answer; fails fast when a process has died. With external
 * infrastructure, only checks that the first broker and the MongoDB host accept TCP connections.
 */
export async function waitReady(profile = 'dev', opts = {}) {
  const log = makeLogger(opts);
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    const deadline = Date.now() + (opts.timeoutMs ?? READY_TIMEOUT_MS);
    const targets = [
      { name: 'kafka', ...firstHostPort(ext.KAFKA_BROKERS.split(',')[0], 9092) },
      { name: 'mongodb', ...firstHostPort(ext.MONGODB_URI, 27017) },
    ];
    for (const target of targets) {
      if (!target.host) {
        log(`cannot check ${target.name} by TCP (mongodb+srv or unparsable); skipping`);
        continue;
      }
      while (!(await tcpReachable(target.host, target.port))) {
        if (Date.now() > deadline)
          throw new InfraError(
            `sangathan infra: external ${target.name} at ${target.host}:${target.port} is not reachable`,
          );
        await sleep(500);
      }
      log(`external ${target.name} reachable at ${target.host}:${target.port}`);
    }
    return { external: true };
  }
  const cfg = config(profile);
  await waitFor(cfg, componentChecks(cfg), opts, log);
  return { external: false, ...envFor(profile) };
}

async function stopComponents(cfg, log) {
  const results = {};
  // Reverse start order. PostgreSQL gets SIGINT (fast shutdown): SIGTERM would wait for every client.
  for (const [c, signal] of [
    [cfg.ferretdb, 'SIGTERM'],
    [cfg.postgres, 'SIGINT'],
    [cfg.kafka, 'SIGTERM'],
  ]) {
    const proc = ownProcess(c);
    if (!proc) {
      fs.rmSync(c.pidFile, { force: true });
      results[c.name] = 'not running';
      log(`${c.name} not running`);
      continue;
    }
    const t0 = Date.now();
    log(`stopping ${c.name} (pid ${proc.pid})…`);
    const how = await terminate(proc.pid, { signal });
    fs.rmSync(c.pidFile, { force: true });
    if (c.readyFile) fs.rmSync(c.readyFile, { force: true });
    results[c.name] = how;
    log(
      `${c.name} ${how === 'killed' ? 'killed after the stop timeout' : 'stopped'} (${seconds(Date.now() - t0)})`,
    );
  }
  return results;
}

/** Stops the profile's processes and removes the pid files. Idempotent. */
export async function stop(profile = 'dev', opts = {}) {
  const log = makeLogger(opts);
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    return { external: true };
  }
  const cfg = config(profile);
  return withLock(`${cfg.dataDir}.lock`, `changing the ${profile} infrastructure`, log, () =>
    stopComponents(cfg, log),
  );
}

/** State of each component: { profile, external, components: [{ name, running, pid, address, ... }] }. */
export async function status(profile = 'dev') {
  const ext = externalInfra();
  if (ext) return { profile, external: true, ...ext, components: [] };
  const cfg = config(profile);
  const components = [];
  for (const c of [cfg.kafka, cfg.postgres, cfg.ferretdb]) {
    const proc = ownProcess(c);
    components.push({
      name: c.name,
      version: c.version,
      running: Boolean(proc),
      listening: await tcpReachable(c.host, c.port, 1000),
      pid: proc?.pid ?? null,
      address: `${c.host}:${c.port}`,
      dataDir: c === cfg.kafka ? c.logDirs : c === cfg.postgres ? c.dataDir : c.stateDir,
      logFile: c.logFile,
      ...(c === cfg.kafka ? { stdoutFile: c.stdoutFile, controller: `${c.host}:${c.controllerPort}` } : {}),
    });
  }
  return {
    profile,
    external: false,
    dataDir: cfg.dataDir,
    cache: cfg.cache,
    engine: engineProvisioned(cfg.cache) ? engineTree(cfg.cache).root : null,
    components,
  };
}
