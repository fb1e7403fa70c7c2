import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const repoRoot = join(__dirname, '../../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The built notifications service in a child process, so a test can restart it or kill it with SIGKILL. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  url = '';
  output = '';

  static build(): void {
    const run = spawnSync(process.execPath, [join(repoRoot, 'tools/scripts/build.mjs'), '--quiet'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`build failed: ${run.stderr}${run.stdout}`);
  }

  async start(env: Record<string, string>): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [join(repoRoot, 'dist/services/notifications/src/main.js')], {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on(
      'data',
      (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)),
    );
    this.child.stderr!.on(
      'data',
      (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)),
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${this.url}/health/ready`)).status === 200) return;
      } catch {
        // not listening yet
      }
      if (this.child.exitCode !== null)
        throw new Error(`service exited ${this.child.exitCode}: ${this.output}`);
      if (Date.now() > deadline) throw new Error(`service not ready in 60 s: ${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** SIGKILL: no shutdown hook runs, leases and offsets stay as they were. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }
}
