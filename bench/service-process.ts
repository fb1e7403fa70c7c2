// A built service in a child process for the benchmarks: dist/services/<name>/src/main.js, waited for until
// /health/ready answers, and taken down with the benchmark if it is interrupted.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type ServiceProcess = { url: string; pid: number; stop: () => Promise<void> };

export async function startBuiltService(
  name: string,
  options: { port: number; env: Record<string, string>; nodeArgs?: string[] },
): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      // BENCH_SERVICE_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the service itself.
      ...(process.env.BENCH_SERVICE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      join(process.cwd(), 'dist', 'services', name, 'src', 'main.js'),
    ],
    {
      env: {
        ...process.env,
        PORT: String(options.port),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready in 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
