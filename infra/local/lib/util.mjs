// Small file, text and child-process helpers shared by the components.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { InfraError } from './config.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function makeLogger(opts = {}) {
  if (typeof opts.log === 'function') return opts.log;
  if (opts.quiet) return () => {};
  return (message) => process.stderr.write(`sangathan infra: ${message}\n`);
}

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export function findOnPath(command) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The last lines of a (possibly large) log file. */
export function tail(file, lines = 20) {
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      return buffer.toString('utf8').split('\n').filter(Boolean).slice(-lines).join('\n');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

export function head(file, bytes) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const n = fs.readSync(fd, buffer, 0, bytes, 0);
      return buffer.toString('utf8', 0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** Writes a file only when its content changes; returns true if it changed. */
export function writeIfChanged(file, content) {
  if (readText(file) === content) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return true;
}

export function writeSecret(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

export const lastLines = (text, n = 20) => text.split('\n').filter(Boolean).slice(-n).join('\n');

/** Runs a command to its end; resolves with its exit code and combined output (never rejects). */
export function runCapture(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: -1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), output }));
  });
}

/** Like runCapture, but a failure is an InfraError that names the step and shows the end of the output. */
export async function runStep(what, command, args, options = {}) {
  const { code, output } = await runCapture(command, args, options);
  if (code !== 0) {
    if (options.logFile) fs.appendFileSync(options.logFile, output);
    throw new InfraError(
      `sangathan infra: ${what} failed (exit ${code})${options.logFile ? `; full output in ${options.logFile}` : ''}\n${lastLines(output, 30)}`,
    );
  }
  if (options.logFile) fs.appendFileSync(options.logFile, output);
  return output;
}
