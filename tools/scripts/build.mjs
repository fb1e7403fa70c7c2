// Compiles libs/, services/ and tools/dev/ with swc into dist/ (same tree), then links the
// @sangathan/* path aliases under dist/node_modules so compiled code resolves them like packages.
// Type checking is tsc's job (the `typecheck` targets); this stays fast for `npm start`.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, ensureDeps } from './ensure-deps.mjs';

const SOURCE_ROOTS = ['libs', 'services', 'tools/dev', 'tools/streams-cli/src', 'bench'];
const SKIP = /\.(int-)?spec\.ts$|\.d\.ts$/;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      // services/dashboard/web is the browser app: Vite builds it (services/dashboard/scripts/build-web.mjs).
      if (entry.name === 'node_modules' || entry.name === 'test' || entry.name === 'web') continue;
      yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !SKIP.test(entry.name)) yield full;
  }
}

export async function build({ quiet = false } = {}) {
  ensureDeps({ quiet });
  const { createRequire } = await import('node:module');
  const require = createRequire(join(repoRoot, 'package.json'));
  const swc = require('@swc/core');
  const swcrc = JSON.parse(readFileSync(join(repoRoot, '.swcrc'), 'utf8'));
  delete swcrc.$schema;
  const outRoot = join(repoRoot, 'dist');
  let compiled = 0;
  for (const sourceRoot of SOURCE_ROOTS) {
    const abs = join(repoRoot, sourceRoot);
    if (!existsSync(abs)) continue;
    for (const file of walk(abs)) {
      const rel = relative(repoRoot, file);
      const out = join(outRoot, rel.replace(/\.ts$/, '.js'));
      if (existsSync(out) && statSync(out).mtimeMs >= statSync(file).mtimeMs) continue;
      const { code, map } = await swc.transformFile(file, {
        ...swcrc,
        swcrc: false,
        filename: file,
        sourceFileName: relative(dirname(out), file),
      });
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, map ? `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map` : code);
      if (map) writeFileSync(`${out}.map`, map);
      compiled++;
    }
  }
  const { compilerOptions } = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8'));
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    const pkgDir = join(outRoot, 'node_modules', alias);
    mkdirSync(pkgDir, { recursive: true });
    const targetJs = join(outRoot, target.replace(/\.ts$/, '.js'));
    writeFileSync(
      join(pkgDir, 'index.js'),
      `module.exports = require(${JSON.stringify(relative(pkgDir, targetJs))});\n`,
    );
  }
  if (!quiet) console.log(`sangathan: build done (${compiled} files compiled into dist/)`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build({ quiet: process.argv.includes('--quiet') });
}
