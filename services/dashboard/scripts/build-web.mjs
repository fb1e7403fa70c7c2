// Builds the dashboard's single-page app (services/dashboard/web → web/dist) with Vite; the dashboard server
// serves that folder. `npm start` and the dashboard's integration tests run it first.
import { build } from 'vite';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
const started = Date.now();
await build({
  configFile: join(web, 'vite.config.mts'),
  logLevel: process.argv.includes('--quiet') ? 'warn' : 'info',
});
console.log(
  `dashboard: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s (services/dashboard/web/dist)`,
);
