// The dashboard's browser tests drive Debian's Chromium (playwright-core cannot download its own browser here).
// Installs the `chromium` package with apt when it is missing and this runs as root, like infra/local does for
// PostgreSQL; otherwise names the command. CHROMIUM_PATH points the tests at another build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (process.getuid?.() !== 0 || !apt) {
    console.error(`dashboard: the browser tests need Chromium at ${path} (sudo apt-get install -y chromium)`);
    process.exit(2);
  }
  console.log('dashboard: installing Debian package chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync(apt, ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { env, stdio: 'inherit' })
      .status;
  if (
    install() !== 0 &&
    (spawnSync(apt, ['update', '-q'], { env, stdio: 'inherit' }).status, install() !== 0)
  ) {
    console.error('dashboard: apt-get install chromium failed; install it and try again');
    process.exit(2);
  }
  if (!existsSync(path)) {
    console.error(`dashboard: still no Chromium at ${path} after apt-get`);
    process.exit(2);
  }
}
