// Renders the Kubernetes overlays (k8s/overlays/<env>) with kustomize, the way CI and `kubectl apply -k` see them.
//
//   node tools/scripts/render-k8s.mjs                 every overlay -> tmp/k8s/<env>.yaml
//   node tools/scripts/render-k8s.mjs prod --stdout   one overlay to stdout (pipe it into kubectl apply -f -)
//   node tools/scripts/render-k8s.mjs --out DIR dev   choose the output folder
//   node tools/scripts/render-k8s.mjs --which         print the kustomize command that would be used
//
// Which kustomize: $KUSTOMIZE (a path), else `kustomize` on PATH, else the cached binary in
// ~/.cache/sangathan/bin, else `kubectl kustomize` (kubectl >= 1.27, kustomize v5), else it builds the
// pinned kustomize with `go install` into that cache (first run only, ~15-60 s; the Go module proxy
// is the only thing it contacts). It downloads no binary from anywhere else. If none of those works it
// prints one line naming what is missing and exits 3.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const overlaysDir = join(repoRoot, 'k8s', 'overlays');
/** The kustomize built by `go install` when no other one is available. */
export const KUSTOMIZE_MODULE = 'sigs.k8s.io/kustomize/kustomize/v5';
export const KUSTOMIZE_VERSION = 'v5.7.1';
export const cacheBin = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'sangathan', 'bin');

const log = (message) => process.stderr.write(`sangathan: ${message}\n`);

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs `<bin> version` and returns the major kustomize version it reports (or undefined). */
function kustomizeMajor(bin) {
  const out = spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 20_000 });
  if (out.status !== 0) return undefined;
  const match = /v?(\d+)\.\d+\.\d+/.exec(`${out.stdout}${out.stderr}`);
  return match ? Number(match[1]) : undefined;
}

function kubectlKustomizeMajor(bin) {
  const out = spawnSync(bin, ['version', '--client'], { encoding: 'utf8', timeout: 20_000 });
  if (out.status !== 0) return undefined;
  const match = /Kustomize Version:\s*v?(\d+)\./.exec(`${out.stdout}${out.stderr}`);
  return match ? Number(match[1]) : undefined;
}

function goInstallKustomize(missing) {
  const go = onPath('go');
  if (!go) {
    missing.push('`go` (to build kustomize into ~/.cache/sangathan/bin)');
    return undefined;
  }
  log(
    `no kustomize found: building ${KUSTOMIZE_MODULE}@${KUSTOMIZE_VERSION} with go install into ${cacheBin} ` +
      '(first run only, about 15-60 s)…',
  );
  mkdirSync(cacheBin, { recursive: true });
  // Build into a private folder, then rename: concurrent renders never see a half-written binary.
  const staging = mkdtempSync(join(cacheBin, '.install-'));
  try {
    const result = spawnSync(go, ['install', `${KUSTOMIZE_MODULE}@${KUSTOMIZE_VERSION}`], {
      cwd: staging,
      encoding: 'utf8',
      timeout: 15 * 60_000,
      env: { ...process.env, GOBIN: staging, GOFLAGS: `${process.env.GOFLAGS ?? ''} -buildvcs=false`.trim() },
    });
    const built = join(staging, 'kustomize');
    if (result.status !== 0 || !existsSync(built)) {
      const reason = (result.stderr || result.error?.message || '').trim().split('\n').slice(-3).join(' | ');
      missing.push(
        `a working \`go install ${KUSTOMIZE_MODULE}@${KUSTOMIZE_VERSION}\` (${reason || `exit ${result.status}`})`,
      );
      return undefined;
    }
    const target = join(cacheBin, 'kustomize');
    renameSync(built, target);
    log(`kustomize ${KUSTOMIZE_VERSION} installed at ${target}`);
    return target;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Finds (or builds) a kustomize. Returns { cmd, args, label } where the overlay directory is appended
 * to args, or { missing } listing what was looked for.
 */
export function resolveKustomize({ install = true } = {}) {
  const missing = [];
  const explicit = process.env.KUSTOMIZE;
  if (explicit) {
    if (kustomizeMajor(explicit) >= 5)
      return { cmd: explicit, args: ['build'], label: `$KUSTOMIZE (${explicit})` };
    missing.push(`$KUSTOMIZE=${explicit} is not a working kustomize v5`);
  }
  const pathKustomize = onPath('kustomize');
  if (pathKustomize && kustomizeMajor(pathKustomize) >= 5) {
    return { cmd: pathKustomize, args: ['build'], label: pathKustomize };
  }
  missing.push(pathKustomize ? `kustomize v5 (${pathKustomize} is older)` : '`kustomize` on PATH');
  const cached = join(cacheBin, 'kustomize');
  if (existsSync(cached) && kustomizeMajor(cached) >= 5)
    return { cmd: cached, args: ['build'], label: cached };
  const kubectl = onPath('kubectl');
  if (kubectl && kubectlKustomizeMajor(kubectl) >= 5) {
    return { cmd: kubectl, args: ['kustomize'], label: `${kubectl} kustomize` };
  }
  missing.push(kubectl ? '`kubectl` >= 1.27 (its embedded kustomize is older than v5)' : '`kubectl` on PATH');
  if (install) {
    const built = goInstallKustomize(missing);
    if (built) return { cmd: built, args: ['build'], label: built };
  }
  return { missing };
}

export function listOverlays() {
  return readdirSync(overlaysDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(overlaysDir, entry.name, 'kustomization.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/** Renders one overlay; returns { ok, yaml, error }. */
export function renderOverlay(tool, overlay) {
  const dir = join(overlaysDir, overlay);
  const result = spawnSync(tool.cmd, [...tool.args, dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.status !== 0) {
    return { ok: false, error: (result.stderr || result.error?.message || `exit ${result.status}`).trim() };
  }
  return { ok: true, yaml: result.stdout };
}

function main(argv) {
  const overlays = [];
  let outDir = join(repoRoot, 'tmp', 'k8s');
  let toStdout = false;
  let which = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--stdout') toStdout = true;
    else if (arg === '--which') which = true;
    else if (arg === '--out') outDir = resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node tools/scripts/render-k8s.mjs [--out DIR | --stdout | --which] [overlay ...]');
      return 0;
    } else if (arg.startsWith('-')) {
      log(`unknown option ${arg}`);
      return 2;
    } else overlays.push(arg);
  }
  const available = listOverlays();
  const selected = overlays.length ? overlays : available;
  const unknown = selected.filter((name) => !available.includes(name));
  if (unknown.length) {
    log(`unknown overlay(s) ${unknown.join(', ')}; available: ${available.join(', ')}`);
    return 2;
  }
  if (toStdout && selected.length !== 1) {
    log('--stdout renders exactly one overlay');
    return 2;
  }
  const tool = resolveKustomize();
  if (!tool.cmd) {
    log(`cannot render k8s overlays: no kustomize available. Missing: ${tool.missing.join('; ')}.`);
    log(
      'install kustomize v5 (or kubectl >= 1.27, or Go to let this script build kustomize) and run it again',
    );
    return 3;
  }
  if (which) {
    console.log([tool.cmd, ...tool.args].join(' '));
    return 0;
  }
  let failed = 0;
  for (const overlay of selected) {
    const rendered = renderOverlay(tool, overlay);
    if (!rendered.ok) {
      failed++;
      log(`overlay ${overlay} failed to render with ${tool.label}:\n${rendered.error}`);
      continue;
    }
    if (toStdout) {
      process.stdout.write(rendered.yaml);
      continue;
    }
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `${overlay}.yaml`);
    writeFileSync(file, rendered.yaml);
    const count = rendered.yaml.split(/^kind:/m).length - 1;
    console.log(
      `rendered ${overlay}: ${count} resources -> ${relative(process.cwd(), file) || file} (${tool.label})`,
    );
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
