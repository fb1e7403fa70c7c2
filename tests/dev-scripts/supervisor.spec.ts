/**
 * `npm start`'s process handling (tools/scripts/dev-supervisor.mjs), driven through fixtures/supervise.mjs with
 * idle child processes instead of the services, and a file instead of the infrastructure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

type Line = {
  pids?: Record<string, number>;
  say?: string;
  restarted?: string;
  pid?: number;
  stopped?: number;
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('npm start supervision', () => {
  let dir: string;
  let driver: ChildProcess | undefined;
  const lines: Line[] = [];

  function startDriver(restartDelayMs: number) {
    lines.length = 0;
    driver = spawn(
      process.execPath,
      [
        join(__dirname, 'fixtures', 'supervise.mjs'),
        join(dir, 'logs'),
        join(dir, 'infra-stopped'),
        String(restartDelayMs),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    createInterface({ input: driver.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as Line));
    return until(() => lines.find((l) => l.pids)?.pids, 'the services to start');
  }

  async function pressCtrlC(): Promise<number | null> {
    const exited = once(driver!, 'exit');
    driver!.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    return code;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sangathan-supervisor-'));
  });
  afterEach(() => {
    if (driver && driver.exitCode === null && driver.signalCode === null) driver.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the infrastructure on Ctrl-C after a service was killed by a signal', async () => {
    const pids = await startDriver(60_000); // the restart is still pending when Ctrl-C comes
    process.kill(pids.alpha, 'SIGKILL');
    await until(
      () => lines.find((l) => l.say?.includes('alpha exited (SIGKILL)')),
      'the death to be reported',
    );

    const code = await pressCtrlC();

    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'infra-stopped'), 'utf8')).toBe('stopInfra\n');
    expect(alive(pids.beta)).toBe(false);
    expect(lines.some((l) => l.restarted)).toBe(false);
  });

  it('restarts a service that died, says so, and stops the restarted one too', async () => {
    const pids = await startDriver(100);
    process.kill(pids.alpha, 'SIGKILL');
    const restarted = await until(() => lines.find((l) => l.restarted === 'alpha'), 'alpha to be restarted');
    expect(lines.find((l) => l.say?.includes('alpha exited'))?.say).toMatch(
      /alpha exited \(SIGKILL\); restarting it in 100 ms \(restart 1; log: .*alpha\.log\)/,
    );
    expect(restarted.pid).not.toBe(pids.alpha);
    expect(alive(restarted.pid!)).toBe(true);

    const code = await pressCtrlC();

    expect(code).toBe(0);
    expect(existsSync(join(dir, 'infra-stopped'))).toBe(true);
    expect(alive(restarted.pid!)).toBe(false);
    expect(alive(pids.beta)).toBe(false);
  });

  it('backs off: a service that keeps dying waits longer before each restart', async () => {
    const pids = await startDriver(100);
    process.kill(pids.alpha, 'SIGKILL');
    const first = await until(() => lines.find((l) => l.restarted === 'alpha'), 'the first restart');
    process.kill(first.pid!, 'SIGKILL');
    await until(() => lines.filter((l) => l.restarted === 'alpha')[1], 'the second restart');
    const delays = lines
      .filter((l) => l.say?.includes('alpha exited'))
      .map((l) => /restarting it in (\d+) ms/.exec(l.say!)?.[1]);
    expect(delays).toEqual(['100', '200']);
    await pressCtrlC();
  });

  it("writes each service's output to its own log file", async () => {
    await startDriver(100);
    const logged = (name: string) =>
      existsSync(join(dir, 'logs', `${name}.log`)) &&
      readFileSync(join(dir, 'logs', `${name}.log`), 'utf8').includes(`${name} up`);
    await until(() => (logged('alpha') && logged('beta') ? true : undefined), 'both services to log');
    await pressCtrlC();
    expect(readFileSync(join(dir, 'logs', 'alpha.log'), 'utf8')).toBe('alpha up\n');
    expect(readFileSync(join(dir, 'logs', 'beta.log'), 'utf8')).toBe('beta up\n');
  });
});
