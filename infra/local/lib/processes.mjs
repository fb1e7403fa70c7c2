// The infrastructure's own processes: pid files, detached starts, graceful stops.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { InfraError, STOP_TIMEOUT_MS } from './config.mjs';
import { tcpReachable } from './probes.mjs';
import { readText, sleep } from './util.mjs';

export function processAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  // A zombie (exited but not yet reaped) still answers kill(0).
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) {
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  }
  return true;
}

export function processCmdline(pid) {
  const raw = readText(`/proc/${pid}/cmdline`);
  return raw === null ? null : raw.split('\0').filter(Boolean);
}

function readPid(pidFile) {
  const pid = Number((readText(pidFile) || '').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Our process for the component, if its pid file points at a live process whose command line names its folder. */
export function ownProcess(component) {
  const pid = readPid(component.pidFile);
  if (!pid || !processAlive(pid)) return null;
  const cmdline = processCmdline(pid);
  // Without /proc (macOS) the pid file is trusted, and so it is while a process is between fork and exec (an
  // empty command line for a moment: a just-started server would otherwise look gone).
  if (cmdline && cmdline.length > 0 && !cmdline.join(' ').includes(component.dir)) return null;
  return { pid, cmdline };
}

/** Keeps the previous run's log as `<file>.previous` so readiness checks only see this run's lines. */
export function rotateLog(file) {
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.previous`);
}

export function spawnDetached(command, args, { cwd, logFile, pidFile, env }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} sangathan infra: ${command} ${args.join(' ')}\n`);
  let child;
  try {
    child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  if (!child.pid) throw new InfraError(`sangathan infra: could not start ${command}; see ${logFile}`);
  child.on('error', () => {});
  child.unref();
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  return child.pid;
}

/** SIGTERM (or the given signal), then SIGKILL after the timeout. */
export async function terminate(pid, { timeoutMs = STOP_TIMEOUT_MS, signal = 'SIGTERM' } = {}) {
  if (!processAlive(pid)) return 'gone';
  try {
    process.kill(pid, signal);
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return 'stopped';
    await sleep(200);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
  return 'killed';
}

export async function ensurePortsFree(component, ports) {
  for (const port of ports) {
    if (await tcpReachable(component.host, port, 1000)) {
      throw new InfraError(
        `sangathan infra: ${component.host}:${port} is already in use by a process not started by sangathan infra ` +
          `(needed by ${component.name}); stop it, or pick other ports with SANGATHAN_KAFKA_PORT / ` +
          'SANGATHAN_KAFKA_CONTROLLER_PORT / SANGATHAN_POSTGRES_PORT / SANGATHAN_MONGO_PORT',
      );
    }
  }
}

/** Poll-based advisory lock (a directory) so that concurrent starts and builds do not step on each other. */
export async function withLock(lockDir, what, log, fn) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'owner'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readText(path.join(lockDir, 'owner')));
      const ownerAlive = Number.isInteger(owner) && owner > 0 && processAlive(owner);
      let ageMs = 0;
      try {
        ageMs = Date.now() - fs.statSync(lockDir).mtimeMs;
      } catch {
        continue;
      }
      // Stale: the owner died, or the owner file was never written and the lock is old.
      if ((owner && !ownerAlive) || (!owner && ageMs > 10_000)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        log(`waiting for another sangathan infra process (pid ${owner || '?'}) that is ${what}…`);
        announced = true;
      }
      if (Date.now() - started > 15 * 60_000) {
        throw new InfraError(`sangathan infra: gave up waiting for the lock ${lockDir}; remove it if stale`);
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
