// FerretDB 2, the MongoDB wire protocol in front of PostgreSQL + DocumentDB: built once from the Go
// module proxy, one process per profile, authenticating clients against PostgreSQL's roles.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FERRETDB_VERSION, InfraError, mongoUri, readPassword } from './config.mjs';
import { ensurePortsFree, ownProcess, rotateLog, spawnDetached, withLock } from './processes.mjs';
import { mongoReady } from './probes.mjs';
import { findOnPath, lastLines, runCapture, seconds, writeSecret } from './util.mjs';

const MODULE = 'github.com/FerretDB/FerretDB/v2';

export function requireGo() {
  const go = findOnPath('go');
  const hint = 'install Go 1.25+ from https://go.dev/dl (Debian: golang-go from backports)';
  if (!go)
    throw new InfraError(
      `sangathan infra: Go is required once to build FerretDB ${FERRETDB_VERSION} (go not found on PATH); ${hint}`,
      2,
    );
  const { stdout = '' } = spawnSync(go, ['version'], { encoding: 'utf8' });
  const match = /go(\d+)\.(\d+)/.exec(stdout);
  // Go >= 1.21 fetches the toolchain FerretDB asks for by itself (GOTOOLCHAIN=auto).
  if (match && Number(match[1]) === 1 && Number(match[2]) < 21) {
    throw new InfraError(
      `sangathan infra: Go 1.21+ is required once to build FerretDB ${FERRETDB_VERSION} (found go${match[1]}.${match[2]}); ${hint}`,
      2,
    );
  }
  return go;
}

export function ferretProvisioned(f) {
  return fs.existsSync(f.marker) && fs.existsSync(f.binary);
}

/** Builds FerretDB from its module source into the cache. Idempotent. */
export async function provisionFerretdb(f, log) {
  if (ferretProvisioned(f)) return false;
  const go = requireGo();
  await withLock(`${f.home}.lock`, `building FerretDB ${FERRETDB_VERSION}`, log, async () => {
    if (ferretProvisioned(f)) return;
    const started = Date.now();
    log(`building FerretDB ${FERRETDB_VERSION} with Go (first run only, ~1 min)…`);
    fs.mkdirSync(f.home, { recursive: true });
    const env = { ...process.env, GOFLAGS: '-mod=readonly', GO111MODULE: 'on' };
    const dl = await runCapture(go, ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], {
      cwd: f.home,
      env,
    });
    let moduleDir = null;
    try {
      moduleDir = JSON.parse(dl.output.slice(dl.output.indexOf('{'))).Dir;
    } catch {
      // reported below
    }
    if (dl.code !== 0 || !moduleDir) {
      throw new InfraError(
        `sangathan infra: downloading FerretDB ${FERRETDB_VERSION} sources with Go failed (exit ${dl.code})\n${lastLines(dl.output, 30)}`,
      );
    }
    // The module zip lacks the generated build/version/version.txt, without which the binary panics at start.
    const src = path.join(f.home, 'src');
    fs.rmSync(src, { recursive: true, force: true });
    fs.cpSync(moduleDir, src, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', src]);
    fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    fs.writeFileSync(path.join(src, 'build', 'version', 'package.txt'), 'sangathan-local\n');
    const partial = `${f.binary}.partial`;
    fs.mkdirSync(path.dirname(f.binary), { recursive: true });
    const build = await runCapture(go, ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: src,
      env,
    });
    if (build.code !== 0) {
      throw new InfraError(
        `sangathan infra: building FerretDB ${FERRETDB_VERSION} failed (exit ${build.code}); sources in ${src}\n${lastLines(build.output, 30)}`,
      );
    }
    const check = spawnSync(partial, ['--version'], { encoding: 'utf8' });
    if (check.status !== 0) {
      throw new InfraError(
        `sangathan infra: the freshly built FerretDB does not run (${partial} --version exit ${check.status})\n${lastLines(`${check.stdout}${check.stderr}`)}`,
      );
    }
    fs.renameSync(partial, f.binary);
    fs.rmSync(src, { recursive: true, force: true });
    fs.writeFileSync(
      f.marker,
      `${JSON.stringify({ version: FERRETDB_VERSION, at: new Date().toISOString() })}\n`,
    );
    log(`FerretDB ${FERRETDB_VERSION} built in ${seconds(Date.now() - started)} (${f.binary})`);
  });
  return true;
}

function ferretArgs(f) {
  return [
    `--listen-addr=${f.host}:${f.port}`,
    `--postgresql-url-file=${f.urlFile}`,
    `--state-dir=${f.stateDir}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
    '--log-format=json',
  ];
}

export async function startFerretdb(cfg, log) {
  const f = cfg.ferretdb;
  const pg = cfg.postgres;
  const args = ferretArgs(f);
  const running = ownProcess(f);
  if (running) {
    if (running.cmdline && running.cmdline.slice(1).join(' ') !== args.join(' ')) {
      throw new InfraError(
        `sangathan infra: ferretdb (pid ${running.pid}) is running with different settings (port changed?); run "node infra/local/infra.mjs stop --profile ${cfg.profile}" first`,
      );
    }
    log(`ferretdb already running on ${f.host}:${f.port} (pid ${running.pid})`);
    return { pid: running.pid, reused: true };
  }
  fs.rmSync(f.pidFile, { force: true });
  await ensurePortsFree(f, [f.port]);
  fs.mkdirSync(f.stateDir, { recursive: true });
  // The password goes in a file, not on the command line where `ps` shows it.
  writeSecret(
    f.urlFile,
    `postgres://${pg.user}:${encodeURIComponent(readPassword(cfg))}@${pg.host}:${pg.port}/postgres\n`,
  );
  rotateLog(f.logFile);
  const pid = spawnDetached(f.binary, args, {
    cwd: f.dir,
    logFile: f.logFile,
    pidFile: f.pidFile,
    env: process.env,
  });
  log(`ferretdb starting on ${f.host}:${f.port} (pid ${pid}, log ${f.logFile})`);
  return { pid, reused: false };
}

export async function ferretReady(cfg) {
  await mongoReady(mongoUri(cfg));
}
