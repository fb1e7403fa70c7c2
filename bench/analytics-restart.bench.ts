/**
 * Readiness of analytics after a restart: starts the built service, waits until /health/ready answers 200, stops
 * it (SIGTERM, or SIGKILL with --kill, as a crash or an OOM kill would) and starts it again, timing the second
 * start until it listens and until it is ready (its consumer group joined). Each round uses its own topic prefix
 * and database, so no round inherits another's group.
 *
 *   npm run bench -- analytics-restart [--kill] [--rounds 3]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { argNumber, flag, percentile, report, runBench } from './bench-utils';

const MAIN = join(__dirname, '..', 'services', 'analytics', 'src', 'main.js');
const PORT = argNumber('port', 3906);

function startService(id: string): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(PORT),
      KAFKA_TOPIC_PREFIX: `${id}.`,
      MONGODB_DB: `${id}-analytics`,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Milliseconds from `since` until GET `path` answers 200. */
async function until(path: string, since: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`analytics exited (${child.signalCode ?? child.exitCode})`);
    const ok = await fetch(`http://127.0.0.1:${PORT}${path}`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return Date.now() - since;
    if (Date.now() - since > 120_000) throw new Error(`${path} not 200 within 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

runBench(async () => {
  const signal: NodeJS.Signals = flag('kill') ? 'SIGKILL' : 'SIGTERM';
  const rounds = argNumber('rounds', 3);
  const listening: number[] = [];
  const ready: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const id = `bench-restart-${Date.now().toString(36)}-${round}`;
    const first = startService(id);
    await until('/health/ready', Date.now(), first);
    await stop(first, signal);
    const started = Date.now();
    const second = startService(id);
    listening.push(await until('/health/live', started, second));
    ready.push(await until('/health/ready', started, second));
    await stop(second, 'SIGTERM');
    console.log(`round ${round + 1}: listening ${listening[round]} ms, ready ${ready[round]} ms`);
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  report(`analytics restart after ${signal} (${rounds} rounds)`, {
    'listening, median ms': percentile(sorted(listening), 50),
    'ready, median ms': percentile(sorted(ready), 50),
    'ready, max ms': Math.max(...ready),
  });
});
