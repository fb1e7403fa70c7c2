// `npm start`: installs what is missing, starts Kafka + FerretDB (dev profile), builds and starts
// every service, seeds demo data into an empty database, prints the URLs; Ctrl-C stops it all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from './build.mjs';
import { ensureDeps, repoRoot } from './ensure-deps.mjs';
import { startInfra, stopInfra } from './infra-client.mjs';

ensureDeps();
await build();
const infraEnv = startInfra('dev');
const env = { ...process.env, ...infraEnv, NODE_ENV: process.env.NODE_ENV ?? 'development' };
const dist = (...p) => join(repoRoot, 'dist', ...p);

// Async, so Ctrl-C is handled even while a seed runs.
const run = (script, extraEnv = {}) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--enable-source-maps', script], { cwd: repoRoot, stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
if ((await run(dist('tools', 'dev', 'create-topics.js'))) !== 0) process.exit(1);

const { SERVICE_PORTS } = createRequire(import.meta.url)(dist('tools', 'dev', 'services.js'));
const present = readdirSync(join(repoRoot, 'services')).filter((name) => existsSync(join(repoRoot, 'services', name, 'src', 'main.ts')));
const services = Object.keys(SERVICE_PORTS).filter((name) => present.includes(name));
const children = [];
let stopping = false;

for (const name of services) {
  const port = SERVICE_PORTS[name];
  const child = spawn(process.execPath, ['--enable-source-maps', dist('services', name, 'src', 'main.js')], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`sangathan: ${name} exited (${signal ?? code}); see its log lines above`);
  });
  children.push({ name, port, child });
}

async function waitReady({ name, port }) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not become ready on :${port} within 120 s`);
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nsangathan: stopping services…');
  for (const { child } of children) child.kill('SIGTERM');
  await Promise.all(children.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))));
  try {
    stopInfra('dev');
  } catch (error) {
    console.error(`sangathan: ${error.message}`);
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  await Promise.all(children.map(waitReady));
} catch (error) {
  console.error(`sangathan: ${error.message}`);
  await shutdown(1);
}
// Each service may add a seed script in tools/dev/seed/ (run in name order, through the HTTP APIs).
const serviceUrls = Object.fromEntries(children.map(({ name, port }) => [`${name.toUpperCase().replace(/-/g, '_')}_URL`, `http://127.0.0.1:${port}`]));
for (const seed of readdirSync(dist('tools', 'dev', 'seed')).filter((f) => f.endsWith('.js')).sort()) {
  if (stopping) break;
  if ((await run(dist('tools', 'dev', 'seed', seed), serviceUrls)) !== 0) await shutdown(1);
}
const token = spawnSync(process.execPath, [dist('tools', 'dev', 'mint-token.js')], { cwd: repoRoot, env, encoding: 'utf8' }).stdout.trim();
console.log('\nsangathan is up:');
for (const { name, port } of children) {
  console.log(`  ${name.padEnd(18)} http://127.0.0.1:${port}   docs http://127.0.0.1:${port}/docs   ready http://127.0.0.1:${port}/health/ready`);
}
console.log(`  Kafka              ${infraEnv.KAFKA_BROKERS}`);
console.log(`  MongoDB (FerretDB) ${infraEnv.MONGODB_URI}`);
console.log(`\nA national-admin token for trying the APIs (npm run token -- --role <role> --area <id> mints others):\n  ${token}\n`);
console.log('Press Ctrl-C to stop everything.');
