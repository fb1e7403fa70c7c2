// The service processes of `npm start`: each writes its log to a file (and to the terminal when asked),
// a service that dies is restarted with backoff, and stopping waits for every child however it ended.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';

/** A child that has neither exited nor been killed by a signal (a signal-killed child has no exitCode). */
export function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

export class ServiceSupervisor {
  /**
   * @param {object} options
   * @param {string} options.logDir folder of the `<name>.log` files
   * @param {boolean} [options.stream] also copy each log line to the terminal, prefixed with the service name
   * @param {(line: string) => void} [options.say] status lines for the person at the terminal
   * @param {{ initialMs: number, maxMs: number, resetAfterMs: number }} [options.backoff] restart delays: doubled
   *   after each quick death, back to the first delay once a child ran for `resetAfterMs`
   * @param {(name: string, attempt: number) => void} [options.onRestart] called after a restarted child was spawned
   */
  constructor({ logDir, stream = false, say = (line) => console.log(line), backoff, onRestart } = {}) {
    this.logDir = logDir;
    this.stream = stream;
    this.say = say;
    this.backoff = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000, ...backoff };
    this.onRestart = onRestart;
    this.services = new Map();
    this.stopping = false;
    mkdirSync(logDir, { recursive: true });
  }

  logFile(name) {
    return join(this.logDir, `${name}.log`);
  }

  /** Starts a service and keeps it running until `stopAll()`. */
  start(name, { command = process.execPath, args = [], env = process.env, cwd } = {}) {
    const service = {
      name,
      spec: { command, args, env, cwd },
      child: undefined,
      attempt: 0,
      delayMs: this.backoff.initialMs,
      timer: undefined,
    };
    service.log = createWriteStream(this.logFile(name), { flags: 'a' });
    this.services.set(name, service);
    this.spawn(service);
    return service;
  }

  /** The live child of each service (a service waiting for its restart has none). */
  children() {
    return [...this.services.values()].map((s) => s.child).filter((child) => child && isRunning(child));
  }

  spawn(service) {
    const { command, args, env, cwd } = service.spec;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const startedAt = Date.now();
    service.child = child;
    // 'close' comes after 'exit', once the child's output is drained into the log.
    service.closed = new Promise((resolve) => {
      child.once('close', resolve);
      child.once('error', resolve); // never spawned: there is nothing to drain
    });
    service.attempt += 1;
    for (const output of [child.stdout, child.stderr]) {
      output.pipe(service.log, { end: false });
      if (this.stream)
        createInterface({ input: output }).on('line', (line) =>
          process.stdout.write(`${service.name.padEnd(16)}| ${line}\n`),
        );
    }
    // 'exit' fires once whether the child exited or was killed by a signal.
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - startedAt >= this.backoff.resetAfterMs) service.delayMs = this.backoff.initialMs;
      const delay = service.delayMs;
      service.delayMs = Math.min(delay * 2, this.backoff.maxMs);
      this.say(
        `sangathan: ${service.name} exited (${signal ?? code}); restarting it in ${formatDelay(delay)} ` +
          `(restart ${service.attempt}; log: ${relative(process.cwd(), this.logFile(service.name))})`,
      );
      service.timer = setTimeout(() => {
        service.timer = undefined;
        if (this.stopping) return;
        this.spawn(service);
        this.onRestart?.(service.name, service.attempt);
      }, delay);
    });
    child.once('error', (error) => this.say(`sangathan: cannot start ${service.name}: ${error.message}`));
    return child;
  }

  /**
   * Stops every service: pending restarts are cancelled, live children get SIGTERM and, after `graceMs`, SIGKILL.
   * Resolves once none is running, including children that had already died.
   */
  async stopAll(graceMs = 10_000) {
    this.stopping = true;
    for (const service of this.services.values()) clearTimeout(service.timer);
    const live = this.children();
    await Promise.all(
      live.map(
        (child) =>
          new Promise((resolve) => {
            if (!isRunning(child)) return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await Promise.all([...this.services.values()].map((s) => s.closed));
    await Promise.all([...this.services.values()].map((s) => new Promise((resolve) => s.log.end(resolve))));
  }
}

/**
 * Runs `stop` and then always `stopInfra`, whatever the first one did; returns the exit code to use.
 * `npm start`'s Ctrl-C, a failed start and a failed seed all end here.
 */
export async function shutdown({ supervisor, stopInfra, say = (line) => console.error(line) }) {
  let failed = false;
  try {
    await supervisor.stopAll();
  } catch (error) {
    failed = true;
    say(`sangathan: stopping the services failed: ${error.message}`);
  } finally {
    try {
      stopInfra();
    } catch (error) {
      failed = true;
      say(`sangathan: ${error.message}`);
    }
  }
  return failed ? 1 : 0;
}

function formatDelay(ms) {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
