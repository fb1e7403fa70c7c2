// Mailpit, the local mail catcher with a web UI that `npm start` points the notifications service at:
// built once from the Go module proxy into the cache (like FerretDB), run by the dev supervisor.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, InfraError } from './config.mjs';
import { requireGo } from './ferretdb.mjs';
import { withLock } from './processes.mjs';
import { lastLines, runCapture, seconds } from './util.mjs';

export const MAILPIT_VERSION = 'v1.33.1';
const MODULE = 'github.com/axllent/mailpit';

export function mailpitPaths() {
  const home = path.join(cacheDir(), `mailpit-${MAILPIT_VERSION}`);
  return { home, binary: path.join(home, 'bin', 'mailpit'), marker: path.join(home, '.provisioned') };
}

/** Builds Mailpit with `go install` into the cache (first run only) and answers the binary's path. */
export async function provisionMailpit(log) {
  const m = mailpitPaths();
  if (fs.existsSync(m.marker) && fs.existsSync(m.binary)) return m.binary;
  const go = requireGo();
  await withLock(`${m.home}.lock`, `building Mailpit ${MAILPIT_VERSION}`, log, async () => {
    if (fs.existsSync(m.marker) && fs.existsSync(m.binary)) return;
    const started = Date.now();
    log(`building Mailpit ${MAILPIT_VERSION} with Go (first run only, a few minutes)…`);
    fs.mkdirSync(path.dirname(m.binary), { recursive: true });
    const env = {
      ...process.env,
      GOBIN: path.dirname(m.binary),
      GOFLAGS: '-mod=readonly',
      GO111MODULE: 'on',
    };
    const build = await runCapture(go, ['install', '-trimpath', `${MODULE}@${MAILPIT_VERSION}`], {
      cwd: m.home,
      env,
    });
    if (build.code !== 0 || !fs.existsSync(m.binary)) {
      throw new InfraError(
        `sangathan infra: building Mailpit ${MAILPIT_VERSION} failed (exit ${build.code})\n${lastLines(build.output, 30)}`,
      );
    }
    const check = spawnSync(m.binary, ['version', '--no-release-check'], { encoding: 'utf8' });
    if (check.status !== 0) {
      throw new InfraError(
        `sangathan infra: the freshly built Mailpit does not run (exit ${check.status})\n${lastLines(`${check.stdout}${check.stderr}`)}`,
      );
    }
    fs.writeFileSync(
      m.marker,
      `${JSON.stringify({ version: MAILPIT_VERSION, at: new Date().toISOString() })}\n`,
    );
    log(`Mailpit ${MAILPIT_VERSION} built in ${seconds(Date.now() - started)} (${m.binary})`);
  });
  return m.binary;
}

/** Arguments for a Mailpit that keeps mail in memory, SMTP and web UI on loopback. */
export function mailpitArgs({ smtpPort, uiPort }) {
  return [
    '--smtp',
    `127.0.0.1:${smtpPort}`,
    '--listen',
    `127.0.0.1:${uiPort}`,
    '--smtp-auth-accept-any',
    '--smtp-auth-allow-insecure',
    '--disable-version-check',
  ];
}
