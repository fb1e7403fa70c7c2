// PostgreSQL 15 with the DocumentDB extension: Debian's server copied into the cache (it is
// relocatable), DocumentDB, libbson, pg_cron and pgvector built into that copy from the vendored
// source tarballs, and one cluster per profile with a generated password.
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InfraError, POSTGRES_MAJOR } from './config.mjs';
import {
  ensurePortsFree,
  ownProcess,
  processAlive,
  rotateLog,
  spawnDetached,
  withLock,
} from './processes.mjs';
import { tcpReachable } from './probes.mjs';
import { SOURCES, checkSources, unpack } from './vendor.mjs';
import { findOnPath, readText, runCapture, runStep, seconds, sleep, writeSecret } from './util.mjs';

/** Bumped when the build steps below change, so a cached tree built the old way is rebuilt. */
const RECIPE = 1;
const SYSTEM_LIB = `/usr/lib/postgresql/${POSTGRES_MAJOR}`;
const SYSTEM_SHARE = `/usr/share/postgresql/${POSTGRES_MAJOR}`;
const SYSTEM_INCLUDE = '/usr/include/postgresql';
const PRELOAD = 'pg_cron,pg_documentdb_core,pg_documentdb';

/** What DocumentDB's build and its required extensions take from Debian: package → a file it installs. */
function debianRequirements() {
  const bid = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']
    .map((dir) => path.join(dir, 'libbidgcc000.a'))
    .find((file) => fs.existsSync(file));
  return [
    { pkg: `postgresql-${POSTGRES_MAJOR}`, ok: fs.existsSync(`${SYSTEM_LIB}/bin/postgres`) },
    {
      pkg: `postgresql-server-dev-${POSTGRES_MAJOR}`,
      ok: fs.existsSync(`${SYSTEM_LIB}/lib/pgxs/src/makefiles/pgxs.mk`),
    },
    { pkg: `postgresql-${POSTGRES_MAJOR}-rum`, ok: fs.existsSync(`${SYSTEM_LIB}/lib/rum.so`) },
    { pkg: `postgresql-${POSTGRES_MAJOR}-postgis-3`, ok: fs.existsSync(`${SYSTEM_LIB}/lib/postgis-3.so`) },
    { pkg: 'libintelrdfpmath-dev', ok: Boolean(bid), bid },
    { pkg: 'libpcre2-dev', ok: fs.existsSync('/usr/include/pcre2.h') },
    { pkg: 'libkrb5-dev', ok: fs.existsSync('/usr/include/gssapi/gssapi.h') },
    { pkg: 'build-essential', ok: Boolean(findOnPath('gcc') && findOnPath('make')) },
    { pkg: 'cmake', ok: Boolean(findOnPath('cmake')) },
    { pkg: 'pkg-config', ok: Boolean(findOnPath('pkg-config')) },
  ];
}

async function installDebianPackages(missing, log) {
  const line = missing.join(' ');
  const asRoot = process.getuid?.() === 0;
  const apt = findOnPath('apt-get');
  if (!asRoot || !apt) {
    throw new InfraError(
      `sangathan infra: PostgreSQL ${POSTGRES_MAJOR} with DocumentDB needs these Debian packages: ${line} (sudo apt-get install ${line})`,
      2,
    );
  }
  log(`installing Debian packages: ${line}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let result = await runCapture(apt, ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
  if (result.code !== 0) {
    await runCapture(apt, ['update', '-q'], { env });
    result = await runCapture(apt, ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
  }
  if (result.code !== 0) {
    throw new InfraError(
      `sangathan infra: apt-get install ${line} failed (exit ${result.code}); install them and try again`,
      2,
    );
  }
}

/** Packages present (installed with apt when running as root), or one line naming what is missing. */
export async function requireDebianPackages(log) {
  const missing = debianRequirements()
    .filter((r) => !r.ok)
    .map((r) => r.pkg);
  if (missing.length) await installDebianPackages(missing, log);
  const still = debianRequirements()
    .filter((r) => !r.ok)
    .map((r) => r.pkg);
  if (still.length)
    throw new InfraError(`sangathan infra: still missing after apt-get: ${still.join(' ')}`, 2);
}

function systemServerVersion() {
  const { stdout = '' } = spawnSync(`${SYSTEM_LIB}/bin/postgres`, ['--version'], { encoding: 'utf8' });
  return stdout.trim();
}

/** The cached engine tree for these sources and this Debian server build. */
export function engineTree(cache) {
  const sources = Object.values(SOURCES)
    .map((s) => s.sha256)
    .join(',');
  const key = createHash('sha256')
    .update(`${RECIPE}|${systemServerVersion()}|${sources}`)
    .digest('hex')
    .slice(0, 12);
  const root = path.join(cache, `postgresql-${POSTGRES_MAJOR}-documentdb-${key}`);
  const bin = path.join(root, 'lib', 'postgresql', POSTGRES_MAJOR, 'bin');
  return { root, bin, pgConfig: path.join(bin, 'pg_config'), marker: path.join(root, '.provisioned') };
}

export function engineProvisioned(cache) {
  return fs.existsSync(engineTree(cache).marker);
}

function intelMathPc(bid) {
  return `# Debian's libintelrdfpmath-dev ships no pkg-config file; DocumentDB's build looks for this one.
Name: intelmathlib
Description: Intel Decimal Floating-Point Math Library (BID, arguments by value)
Version: 2.0u2
Libs: ${bid}
Cflags: -I/usr/include
`;
}

/** Copies Debian's PostgreSQL into the cache and builds the extensions into it. Idempotent. */
export async function provisionEngine(cache, log) {
  if (process.env.SANGATHAN_SKIP_APT !== '1') await requireDebianPackages(log);
  const tree = engineTree(cache);
  if (fs.existsSync(tree.marker)) return false;
  const sources = checkSources();
  await withLock(`${tree.root}.lock`, 'building PostgreSQL extensions', log, async () => {
    if (fs.existsSync(tree.marker)) return;
    const started = Date.now();
    log(
      `building DocumentDB, libbson, pg_cron and pgvector for PostgreSQL ${POSTGRES_MAJOR} into ${tree.root} (first run only, ~1.5 min)…`,
    );
    // Built in place: the extensions record the library folder they were built for.
    fs.rmSync(tree.root, { recursive: true, force: true });
    const buildLog = `${tree.root}.build.log`;
    fs.writeFileSync(buildLog, `=== ${new Date().toISOString()} sangathan infra: engine build\n`);
    for (const [from, to] of [
      [SYSTEM_LIB, path.join(tree.root, 'lib', 'postgresql', POSTGRES_MAJOR)],
      [SYSTEM_SHARE, path.join(tree.root, 'share', 'postgresql', POSTGRES_MAJOR)],
      [SYSTEM_INCLUDE, path.join(tree.root, 'include', 'postgresql')],
    ]) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      await runStep(`copying ${from}`, 'cp', ['-a', from, to]);
    }
    const work = path.join(tree.root, 'build');
    const libbsonPrefix = path.join(tree.root, 'libbson');
    const pkgconfig = path.join(tree.root, 'pkgconfig');
    const bid = debianRequirements().find((r) => r.bid)?.bid;
    fs.mkdirSync(pkgconfig, { recursive: true });
    fs.writeFileSync(path.join(pkgconfig, 'intelmathlib.pc'), intelMathPc(bid));
    const env = {
      ...process.env,
      PKG_CONFIG_PATH: [pkgconfig, path.join(libbsonPrefix, 'lib', 'pkgconfig'), process.env.PKG_CONFIG_PATH]
        .filter(Boolean)
        .join(':'),
    };
    const jobs = `-j${Math.max(2, Math.min(4, os.availableParallelism()))}`;
    const pgxs = [`PG_CONFIG=${tree.pgConfig}`, 'with_llvm=no'];
    const step = (what, cmd, args, cwd) => runStep(what, cmd, args, { cwd, env, logFile: buildLog });

    const bson = await unpack(sources.libbson.path, path.join(work, 'libbson'));
    if (!fs.existsSync(path.join(bson, 'VERSION_CURRENT')))
      fs.writeFileSync(path.join(bson, 'VERSION_CURRENT'), `${SOURCES.libbson.version}\n`);
    await step(
      'configuring libbson',
      'cmake',
      [
        '-S',
        bson,
        '-B',
        path.join(bson, '_build'),
        '-DENABLE_MONGOC=OFF',
        '-DENABLE_STATIC=ON',
        '-DENABLE_SHARED=OFF',
        '-DENABLE_TESTS=OFF',
        '-DENABLE_EXAMPLES=OFF',
        '-DCMAKE_BUILD_TYPE=Release',
        '-DCMAKE_POSITION_INDEPENDENT_CODE=ON',
        `-DCMAKE_INSTALL_PREFIX=${libbsonPrefix}`,
      ],
      bson,
    );
    await step('building libbson', 'cmake', ['--build', path.join(bson, '_build'), jobs], bson);
    await step('installing libbson', 'cmake', ['--install', path.join(bson, '_build')], bson);

    for (const key of ['pgCron', 'pgvector']) {
      const src = await unpack(sources[key].path, path.join(work, key));
      await step(`building ${key}`, 'make', [jobs, ...pgxs], src);
      await step(`installing ${key}`, 'make', ['install', ...pgxs], src);
    }
    const documentdb = await unpack(sources.documentdb.path, path.join(work, 'documentdb'));
    for (const part of ['pg_documentdb_core', 'pg_documentdb']) {
      await step(`building DocumentDB ${part}`, 'make', [jobs, '-C', part, ...pgxs], documentdb);
      await step(`installing DocumentDB ${part}`, 'make', ['-C', part, 'install', ...pgxs], documentdb);
    }
    fs.rmSync(work, { recursive: true, force: true });
    fs.writeFileSync(
      tree.marker,
      `${JSON.stringify({ server: systemServerVersion(), sources: Object.keys(sources), at: new Date().toISOString() })}\n`,
    );
    log(
      `PostgreSQL ${POSTGRES_MAJOR} + DocumentDB ready in ${seconds(Date.now() - started)} (build log ${buildLog})`,
    );
  });
  return true;
}

/**
 * PostgreSQL refuses to run as root. As root the server runs in a user namespace as the postgres
 * system user: files it writes are still owned by root outside, so nothing needs chown.
 */
function asServerUser(command, args) {
  if (process.getuid?.() !== 0) return { command, args };
  const unshare = findOnPath('unshare');
  if (!unshare)
    throw new InfraError(
      'sangathan infra: PostgreSQL cannot run as root and unshare (util-linux) is missing; run as a normal user or install util-linux',
      2,
    );
  const { stdout = '' } = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const uid = Number(stdout.trim()) || 1;
  return { command: unshare, args: ['--user', `--map-user=${uid}`, `--map-group=${uid}`, command, ...args] };
}

/** A data folder that exists must be a PostgreSQL 15 cluster of ours; never wiped silently. */
export function checkDataFolder(pg) {
  if (!fs.existsSync(pg.dataDir)) return 'absent';
  const entries = fs.readdirSync(pg.dataDir);
  if (entries.length === 0) return 'absent';
  const version = readText(path.join(pg.dataDir, 'PG_VERSION'))?.trim();
  if (version !== POSTGRES_MAJOR) {
    throw new InfraError(
      `sangathan infra: ${pg.dataDir} is not a PostgreSQL ${POSTGRES_MAJOR} data folder (${version ? `PG_VERSION ${version}` : 'no PG_VERSION'}); move it away or start with --fresh to replace it`,
    );
  }
  if (!readText(pg.passwordFile)) {
    throw new InfraError(
      `sangathan infra: ${pg.dataDir} has no password file ${pg.passwordFile}; it was not created by sangathan infra — move it away or start with --fresh`,
    );
  }
  return 'present';
}

async function initCluster(pg, tree, log) {
  const password = randomBytes(18).toString('base64url');
  fs.mkdirSync(pg.dir, { recursive: true });
  const pwFile = path.join(pg.dir, '.initdb-password');
  writeSecret(pwFile, `${password}\n`);
  log(`creating the PostgreSQL cluster in ${pg.dataDir}…`);
  const { command, args } = asServerUser(path.join(tree.bin, 'initdb'), [
    '-D',
    pg.dataDir,
    '-U',
    pg.user,
    '--auth=scram-sha-256',
    `--pwfile=${pwFile}`,
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  try {
    await runStep(`initdb ${pg.dataDir}`, command, args, { logFile: pg.logFile });
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  writeSecret(pg.passwordFile, `${password}\n`);
}

function writePassFile(pg) {
  const password = readText(pg.passwordFile).trim();
  writeSecret(pg.passFile, `${pg.host}:${pg.port}:*:${pg.user}:${password}\n`);
}

function serverArgs(pg) {
  const settings = {
    listen_addresses: pg.host,
    port: pg.port,
    unix_socket_directories: '',
    shared_preload_libraries: PRELOAD,
    'cron.database_name': 'postgres',
    // FerretDB advertises 100,000 documents per write batch; DocumentDB's default is lower.
    'documentdb.maxWriteBatchSize': 100000,
    // DocumentDB connects back to the server for some commands; the passfile keeps password authentication on.
    'documentdb.localhost_connection_string': `host=${pg.host} passfile=${pg.passFile}`,
    // pg_cron runs DocumentDB's TTL and index-build jobs in background workers instead of over a login.
    'cron.use_background_workers': 'on',
    max_worker_processes: 24,
    fsync: pg.fsync ? 'on' : 'off',
    max_connections: 200,
    logging_collector: 'off',
  };
  return ['-D', pg.dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

/** Live processes working in the data folder (a killed server's backends, which exit on their own shortly). */
function processesIn(dir) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === dir && processAlive(Number(entry)))
        found.push(Number(entry));
    } catch {
      // gone, or not ours to look at
    }
  }
  return found;
}

/**
 * After a SIGKILL the server leaves postmaster.pid behind. Inside the user namespace PostgreSQL cannot tell a
 * dead (or zombie) root-owned pid from a live one, so once no process works in the folder any more the stale
 * lock file is removed here; PostgreSQL then recovers from its WAL as after any crash.
 */
async function clearAfterCrash(pg, log) {
  const lock = path.join(pg.dataDir, 'postmaster.pid');
  const recorded = Number((readText(lock) ?? '').split('\n')[0]);
  if (!recorded) return;
  for (let i = 0; i < 100 && processesIn(pg.dataDir).length > 0; i++) await sleep(100);
  const left = processesIn(pg.dataDir);
  if (left.length > 0) {
    throw new InfraError(
      `sangathan infra: processes ${left.join(', ')} still work in ${pg.dataDir}; stop them before starting PostgreSQL again`,
    );
  }
  if (!processAlive(recorded)) {
    log(`postgresql did not stop cleanly last time (pid ${recorded}); it recovers from its log now`);
    fs.rmSync(lock, { force: true });
  }
}

export async function startPostgres(cfg, log) {
  const pg = cfg.postgres;
  const tree = engineTree(cfg.cache);
  const running = ownProcess(pg);
  if (running) {
    log(`postgresql already running on ${pg.host}:${pg.port} (pid ${running.pid})`);
    return { pid: running.pid, reused: true };
  }
  fs.rmSync(pg.pidFile, { force: true });
  await ensurePortsFree(pg, [pg.port]);
  if (checkDataFolder(pg) === 'absent') await initCluster(pg, tree, log);
  writePassFile(pg);
  await clearAfterCrash(pg, log);
  rotateLog(pg.logFile);
  const { command, args } = asServerUser(path.join(tree.bin, 'postgres'), serverArgs(pg));
  const pid = spawnDetached(command, args, {
    cwd: pg.dir,
    logFile: pg.logFile,
    pidFile: pg.pidFile,
    env: process.env,
  });
  log(`postgresql starting on ${pg.host}:${pg.port} (pid ${pid}, log ${pg.logFile})`);
  return { pid, reused: false };
}

/** Accepts connections and has the DocumentDB extension (created on the first start of a cluster). */
export async function postgresReady(cfg) {
  const pg = cfg.postgres;
  const tree = engineTree(cfg.cache);
  if (!(await tcpReachable(pg.host, pg.port, 1000))) throw new Error('not listening yet');
  const password = readText(pg.passwordFile)?.trim();
  const psql = (sql) =>
    runCapture(
      path.join(tree.bin, 'psql'),
      [
        '-h',
        pg.host,
        '-p',
        String(pg.port),
        '-U',
        pg.user,
        '-d',
        'postgres',
        '-v',
        'ON_ERROR_STOP=1',
        '-tAc',
        sql,
      ],
      {
        env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '3' },
      },
    );
  const installed = await psql("SELECT extversion FROM pg_extension WHERE extname = 'documentdb'");
  if (installed.code !== 0) throw new Error(installed.output.trim().split('\n').pop() || 'psql failed');
  if (installed.output.trim()) return;
  const created = await psql('CREATE EXTENSION IF NOT EXISTS documentdb CASCADE');
  if (created.code !== 0)
    throw new Error(`CREATE EXTENSION documentdb failed: ${created.output.trim().split('\n').pop()}`);
}
