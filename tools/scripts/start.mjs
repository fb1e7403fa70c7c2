// `npm start`: installs what is missing, starts Kafka + FerretDB (dev profile), builds and starts
// every service, seeds demo data into an empty database, prints the URLs; Ctrl-C stops it all.
// The terminal gets a short status; each service logs to .local/dev/logs/<service>.log
// (`npm start -- --logs` also streams those lines here).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { build } from './build.mjs';
import { ServiceSupervisor, shutdown } from './dev-supervisor.mjs';
import { ensureDeps, repoRoot } from './ensure-deps.mjs';
import { startInfra, stopInfra } from './infra-client.mjs';
import { mailpitArgs, provisionMailpit } from '../../infra/local/lib/mailpit.mjs';

const streamLogs = process.argv.includes('--logs');
const logDir = join(repoRoot, '.local', 'dev', 'logs');
const shown = (path) => relative(process.cwd(), path) || '.';
const say = (line) => console.log(line);

ensureDeps();
await build();
// The dashboard's browser app (Vite); its server starts with the services below.
const dashboardBuild = spawnSync(
  process.execPath,
  [join(repoRoot, 'services', 'dashboard', 'scripts', 'build-web.mjs'), '--quiet'],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (dashboardBuild.status !== 0) {
  console.error('sangathan: building the dashboard web app failed (see above)');
  process.exit(1);
}
mkdirSync(logDir, { recursive: true });
const infraEnv = (() => {
  try {
    return startInfra('dev');
  } catch (error) {
    // The infra CLI has printed why; a stack trace would bury it.
    console.error(`sangathan: ${error.message}`);
    process.exit(1);
  }
})();
const env = { ...process.env, ...infraEnv, NODE_ENV: process.env.NODE_ENV ?? 'development' };
const dist = (...p) => join(repoRoot, 'dist', ...p);

const supervisor = new ServiceSupervisor({
  logDir,
  stream: streamLogs,
  say: (line) => console.error(line),
  // Only the latest restart of a service reports: an earlier one's child is gone.
  onRestart: (name, attempt) =>
    void waitReady(serviceByName.get(name)).then(
      (seconds) =>
        supervisor.services.get(name).attempt === attempt &&
        say(`sangathan: ${name} is ready again (${seconds} s)`),
      (error) =>
        supervisor.services.get(name).attempt === attempt && console.error(`sangathan: ${error.message}`),
    ),
});

let stopping;
function stopEverything(code) {
  stopping ??= (async () => {
    say('\nsangathan: stopping services and the infrastructure…');
    const result = await shutdown({ supervisor, stopInfra: () => stopInfra('dev') });
    process.exit(code || result);
  })();
  return stopping;
}
process.on('SIGINT', () => void stopEverything(0));
process.on('SIGTERM', () => void stopEverything(0));

/** Runs a one-shot script (topics, seeds) with its output in the log folder; on failure shows the end of it. */
function runLogged(script, logName, extraEnv = {}) {
  const logFile = join(logDir, `${logName}.log`);
  const fd = openSync(logFile, 'a');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--enable-source-maps', script], {
      cwd: repoRoot,
      stdio: ['ignore', fd, fd],
      env: { ...env, ...extraEnv },
    });
    // 'exit' also fires for a signal-killed child; its code is then null.
    child.on('exit', (code) => {
      closeSync(fd);
      if (code !== 0) {
        const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
        console.error(
          `sangathan: ${logName} failed (exit ${code ?? 'by signal'}); the end of ${shown(logFile)}:\n${tail}`,
        );
      }
      resolve(code === 0);
    });
  });
}

if (!(await runLogged(dist('tools', 'dev', 'create-topics.js'), 'create-topics'))) await stopEverything(1);

const { SERVICE_PORTS, HTTP_ONLY_SERVICES } = createRequire(import.meta.url)(
  dist('tools', 'dev', 'services.js'),
);
const present = readdirSync(join(repoRoot, 'services')).filter((name) =>
  existsSync(join(repoRoot, 'services', name, 'src', 'main.ts')),
);
const services = Object.keys(SERVICE_PORTS)
  .filter((name) => present.includes(name) && !HTTP_ONLY_SERVICES.includes(name))
  .map((name) => ({ name, port: SERVICE_PORTS[name] }));
// The dashboard (services/dashboard/src) is no event-driven service: it starts after the others, serves the
// web app and forwards /api/<service>/… to them; AUTH_DEV_LOGIN=1 offers the dev sign-in.
const DASHBOARD = { name: 'dashboard', port: Number(process.env.DASHBOARD_PORT ?? SERVICE_PORTS.dashboard) };
const serviceByName = new Map([...services, DASHBOARD].map((s) => [s.name, s]));

// What notifications sends to: Mailpit catches every mail (web UI), the provider stub every SMS and
// WhatsApp call (GET /_stub/calls). Ports from SANGATHAN_MAILPIT_SMTP_PORT, _UI_PORT, SANGATHAN_PROVIDER_STUB_PORT.
const mailpit = {
  smtpPort: Number(process.env.SANGATHAN_MAILPIT_SMTP_PORT ?? 1025),
  uiPort: Number(process.env.SANGATHAN_MAILPIT_UI_PORT ?? 8025),
};
const stubPort = Number(process.env.SANGATHAN_PROVIDER_STUB_PORT ?? 3095);
const notificationsEnv = {
  SMTP_URL: `smtp://127.0.0.1:${mailpit.smtpPort}`,
  SMS_BASE_URL: `http://127.0.0.1:${stubPort}`,
  WHATSAPP_BASE_URL: `http://127.0.0.1:${stubPort}`,
};
if (serviceByName.has('notifications')) {
  try {
    const binary = await provisionMailpit((line) => say(`sangathan: ${line}`));
    supervisor.start('mailpit', { command: binary, args: mailpitArgs(mailpit), cwd: repoRoot, env });
  } catch (error) {
    // Without Go the rest still runs: mail then fails and falls back to the next channel.
    console.error(`sangathan: ${error.message}\nsangathan: continuing without Mailpit (no mail catcher)`);
  }
  supervisor.start('provider-stub', {
    args: ['--enable-source-maps', dist('tools', 'dev', 'provider-stub', 'main.js'), String(stubPort)],
    cwd: repoRoot,
    env: { ...env, NOTIFICATIONS_URL: `http://127.0.0.1:${serviceByName.get('notifications').port}` },
  });
}

say(
  `sangathan: starting ${services.map((s) => s.name).join(', ')}; logs in ${shown(logDir)}/${streamLogs ? '' : ' (npm start -- --logs streams them here)'}`,
);
/**
 * Each service talks to the broker as its own user on the SASL listener, limited by the ACLs of
 * infra/kafka-principals.json (docs/streams.md#access-control); topics and seeds keep the plaintext listener.
 * External infrastructure (KAFKA_BROKERS given) has no such users: services use what was given.
 */
function brokerUserEnv(name) {
  const { SANGATHAN_KAFKA_SASL_BROKERS: brokers, SANGATHAN_KAFKA_CREDENTIALS: file } = infraEnv;
  if (!brokers || !file || !existsSync(file)) return {};
  const password = JSON.parse(readFileSync(file, 'utf8'))[name];
  return password ? { KAFKA_BROKERS: brokers, KAFKA_SASL_USERNAME: name, KAFKA_SASL_PASSWORD: password } : {};
}

for (const { name, port } of services) {
  supervisor.start(name, {
    args: ['--enable-source-maps', dist('services', name, 'src', 'main.js')],
    cwd: repoRoot,
    env: {
      ...env,
      ...(name === 'notifications' ? notificationsEnv : {}),
      ...brokerUserEnv(name),
      PORT: String(port),
    },
  });
}

const serviceUrls = Object.fromEntries(
  services.map(({ name, port }) => [
    `${name.toUpperCase().replace(/-/g, '_')}_URL`,
    `http://127.0.0.1:${port}`,
  ]),
);
supervisor.start(DASHBOARD.name, {
  args: ['--enable-source-maps', dist('services', 'dashboard', 'src', 'main.js')],
  cwd: repoRoot,
  env: { ...env, ...serviceUrls, PORT: String(DASHBOARD.port), AUTH_DEV_LOGIN: '1' },
});

/** Resolves with the seconds it took until the service's readiness answers 200. */
async function waitReady({ name, port }, timeoutMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (stopping) return new Promise(() => undefined);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return Math.round((Date.now() - started) / 100) / 10;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${name} did not become ready on :${port} within ${timeoutMs / 1000} s; see ${shown(supervisor.logFile(name))}`,
  );
}

try {
  await Promise.all(
    [...services, DASHBOARD].map(async (service) =>
      say(`sangathan: ${service.name} ready (${await waitReady(service)} s)`),
    ),
  );
} catch (error) {
  console.error(`sangathan: ${error.message}`);
  await stopEverything(1);
}

// Each service may add a seed script in tools/dev/seed/ (run in name order, through the HTTP APIs).
const seeds = readdirSync(dist('tools', 'dev', 'seed'))
  .filter((f) => f.endsWith('.js'))
  .sort();
for (const [i, seed] of seeds.entries()) {
  if (stopping) break;
  const started = Date.now();
  say(`sangathan: seeding demo data ${i + 1}/${seeds.length} (${seed.replace(/\.js$/, '')})…`);
  if (!(await runLogged(dist('tools', 'dev', 'seed', seed), 'seed', serviceUrls))) await stopEverything(1);
  say(`sangathan:   done in ${Math.round((Date.now() - started) / 100) / 10} s`);
}

const token = spawnSync(process.execPath, [dist('tools', 'dev', 'mint-token.js')], {
  cwd: repoRoot,
  env,
  encoding: 'utf8',
}).stdout.trim();
say('\nsangathan is up:');
for (const { name, port } of services) {
  const url = `http://127.0.0.1:${port}`;
  say(
    `  ${name.padEnd(18)} ${url}   docs ${url}/docs (JSON: /docs/openapi.json)   ready ${url}/health/ready   metrics ${url}/metrics`,
  );
}
say(
  `  ${'dashboard'.padEnd(18)} http://127.0.0.1:${DASHBOARD.port}   sign in with "Development sign-in" (any role and area, e.g. district-president / UP-D-LUCKNOW)`,
);
if (serviceByName.has('notifications')) {
  say(
    `  Mailpit (mail)     http://127.0.0.1:${mailpit.uiPort}   (every e-mail notifications sends; SMTP :${mailpit.smtpPort})`,
  );
  say(`  provider stub      http://127.0.0.1:${stubPort}/_stub/calls   (every SMS and WhatsApp call)`);
}
say(
  `  Kafka              ${infraEnv.KAFKA_BROKERS}${infraEnv.SANGATHAN_KAFKA_SASL_BROKERS ? ` (services and analysts: SASL ${infraEnv.SANGATHAN_KAFKA_SASL_BROKERS}, users in ${shown(infraEnv.SANGATHAN_KAFKA_CREDENTIALS)})` : ''}`,
);
say(`  MongoDB (FerretDB) ${infraEnv.MONGODB_URI}`);
say(
  `  logs               ${shown(logDir)}/<service>.log${streamLogs ? '' : ' (npm start -- --logs streams them here)'}`,
);
say(`\nA national-admin token for trying the APIs (npm run token -- --help mints others):\n  ${token}\n`);
say('Press Ctrl-C to stop everything.');
