// Installs npm dependencies when they are absent or older than the lockfile, and checks the toolchain.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(
      `sangathan: Node.js >= 20.19 is required (found ${process.versions.node}); install Node 20.19+ or 24 LTS`,
    );
    process.exit(2);
  }
}

export function ensureDeps({ quiet = false } = {}) {
  checkNode();
  const lock = join(repoRoot, 'package-lock.json');
  const installed = join(repoRoot, 'node_modules', '.package-lock.json');
  const fresh =
    existsSync(installed) && (!existsSync(lock) || statSync(installed).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  if (!quiet) console.log(`sangathan: installing npm dependencies (npm ${args[0]}; first run only)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, args, { cwd: repoRoot, stdio: quiet ? 'ignore' : 'inherit' });
  if (result.error) {
    console.error(`sangathan: npm was not found on PATH (${result.error.message}); install Node.js with npm`);
    process.exit(2);
  }
  if (result.status !== 0) {
    console.error(`sangathan: npm ${args[0]} failed (exit ${result.status}); is the npm registry reachable?`);
    process.exit(result.status ?? 1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) ensureDeps({ quiet: true });
