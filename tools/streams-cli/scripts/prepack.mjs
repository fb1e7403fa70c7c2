// Before `npm pack`: compiles src/ into lib/ with swc and copies the stream catalogue (docs/asyncapi.json,
// generated from libs/contracts) beside it, so the package runs without the monorepo.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(here, '..', '..');
const require = createRequire(join(root, 'package.json'));
const swc = require('@swc/core');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
rmSync(join(here, 'lib'), { recursive: true, force: true });
mkdirSync(join(here, 'lib'));
for (const file of readdirSync(join(here, 'src'))) {
  if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
  const { code } = await swc.transformFile(join(here, 'src', file), {
    ...swcrc,
    swcrc: false,
    sourceMaps: false,
  });
  writeFileSync(join(here, 'lib', file.replace(/\.ts$/, '.js')), code);
}
copyFileSync(join(root, 'docs', 'asyncapi.json'), join(here, 'catalogue.json'));
console.log('sangathan-streams: lib/ and catalogue.json ready');
