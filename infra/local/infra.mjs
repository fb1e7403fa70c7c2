#!/usr/bin/env node
// Local infrastructure for Sangathan without Docker: a single-node KRaft Kafka (jars fetched once with
// Maven) and FerretDB (MongoDB wire protocol over SQLite or PostgreSQL, built once with Go).
//
//   node infra/local/infra.mjs <start|stop|status|wait|env|provision> [--profile dev|test] [--fresh]
//
// Plain Node 20 ESM, `node:` builtins only. See infra/local/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FERRETDB_PATCHES, applyFerretdbPatches, patchSetId } from './ferretdb-patches.mjs';

// ---------------------------------------------------------------------------------------------------------
// Versions and constants
// ---------------------------------------------------------------------------------------------------------

export const KAFKA_VERSION = process.env.SANGATHAN_KAFKA_VERSION || '4.1.1';
export const FERRETDB_VERSION = process.env.SANGATHAN_FERRETDB_VERSION || 'v1.24.2';
const SLF4J_VERSION = '2.0.16';
const LOG4J_VERSION = '2.24.3';
const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
const HOST = '127.0.0.1';

const PROFILES = {
  dev: { kafkaPort: 9092, kafkaControllerPort: 9093, mongoPort: 27017 },
  test: { kafkaPort: 19092, kafkaControllerPort: 19093, mongoPort: 27018 },
};

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Error whose message is a complete, user-facing sentence; the CLI prints it on one line and exits. */
export class InfraError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = 'InfraError';
    this.exitCode = exitCode;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------------------

function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InfraError(`sangathan infra: ${name}=${raw} is not a valid TCP port`, 2);
  }
  return port;
}

export function cacheDir() {
  if (process.env.SANGATHAN_CACHE) return path.resolve(process.env.SANGATHAN_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'sangathan');
}

/** Resolved settings (ports, folders, files) of a profile. */
export function config(profile = 'dev') {
  const defaults = PROFILES[profile];
  if (!defaults) {
    throw new InfraError(
      `sangathan infra: unknown profile "${profile}" (expected one of: ${Object.keys(PROFILES).join(', ')})`,
      2,
    );
  }
  const dataDir = path.join(repoRoot, '.local', profile);
  const kafkaDir = path.join(dataDir, 'kafka');
  const ferretDir = path.join(dataDir, 'ferretdb');
  const cache = cacheDir();
  const kafkaHome = path.join(cache, `kafka-${KAFKA_VERSION}`);
  const ferretHome = path.join(cache, `ferretdb-${FERRETDB_VERSION}-p${patchSetId()}`);
  const handler = process.env.SANGATHAN_FERRETDB_HANDLER || 'sqlite';
  return {
    profile,
    dataDir,
    cache,
    kafka: {
      name: 'kafka',
      version: KAFKA_VERSION,
      host: HOST,
      port: envPort('SANGATHAN_KAFKA_PORT', defaults.kafkaPort),
      controllerPort: envPort('SANGATHAN_KAFKA_CONTROLLER_PORT', defaults.kafkaControllerPort),
      home: kafkaHome,
      libs: path.join(kafkaHome, 'libs'),
      marker: path.join(kafkaHome, '.provisioned'),
      dir: kafkaDir,
      logDirs: path.join(kafkaDir, 'data'),
      propsFile: path.join(kafkaDir, 'server.properties'),
      log4jFile: path.join(kafkaDir, 'log4j2.properties'),
      logFile: path.join(kafkaDir, 'server.log'),
      stdoutFile: path.join(kafkaDir, 'stdout.log'),
      pidFile: path.join(kafkaDir, 'kafka.pid'),
      readyFile: path.join(kafkaDir, 'kafka.ready'),
    },
    ferretdb: {
      name: 'ferretdb',
      version: FERRETDB_VERSION,
      host: HOST,
      port: envPort('SANGATHAN_MONGO_PORT', defaults.mongoPort),
      handler,
      postgresUrl: process.env.SANGATHAN_POSTGRES_URL || '',
      home: ferretHome,
      binary: path.join(ferretHome, 'bin', 'ferretdb'),
      marker: path.join(ferretHome, '.provisioned'),
      dir: ferretDir,
      sqliteDir: path.join(ferretDir, 'sqlite'),
      stateDir: path.join(ferretDir, 'state'),
      logFile: path.join(ferretDir, 'ferretdb.log'),
      pidFile: path.join(ferretDir, 'ferretdb.pid'),
    },
  };
}

/** `{ KAFKA_BROKERS, MONGODB_URI }` that services should use for the profile (or the external ones). */
export function envFor(profile = 'dev') {
  const external = externalInfra();
  if (external) return external;
  const cfg = config(profile);
  return {
    KAFKA_BROKERS: `${cfg.kafka.host}:${cfg.kafka.port}`,
    MONGODB_URI: `mongodb://${cfg.ferretdb.host}:${cfg.ferretdb.port}`,
  };
}

/** When both KAFKA_BROKERS and MONGODB_URI are set, the local infrastructure is not managed at all. */
export function externalInfra() {
  const { KAFKA_BROKERS, MONGODB_URI } = process.env;
  return KAFKA_BROKERS && MONGODB_URI ? { KAFKA_BROKERS, MONGODB_URI } : null;
}

/** Hides the password of a connection string (for log output only). */
function redact(uri) {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]+:)[^@/]*@/i, '$1***@');
}

function externalMessage(ext) {
  return `using external infrastructure: KAFKA_BROKERS=${ext.KAFKA_BROKERS}, MONGODB_URI=${redact(ext.MONGODB_URI)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function makeLogger(opts = {}) {
  if (typeof opts.log === 'function') return opts.log;
  if (opts.quiet) return () => {};
  return (message) => process.stderr.write(`sangathan infra: ${message}\n`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function findOnPath(command) {
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

function tail(file, lines = 20) {
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

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes a file only when its content changes; returns true if it changed. */
function writeIfChanged(file, content) {
  if (readText(file) === content) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return true;
}

function runCapture(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: -1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), output }));
  });
}

function lastLines(text, n = 20) {
  return text.split('\n').filter(Boolean).slice(-n).join('\n');
}

/** Poll-based advisory lock (a directory) so that concurrent starts/provisionings do not step on each other. */
async function withLock(lockDir, what, log, fn) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'owner'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readText(path.join(lockDir, 'owner')));
      const ownerAlive = Number.isInteger(owner) && owner > 0 && processAlive(owner);
      let ageMs = 0;
      try {
        ageMs = Date.now() - fs.statSync(lockDir).mtimeMs;
      } catch {
        continue;
      }
      // Stale: the owner died, or the owner file was never written and the lock is old.
      if ((owner && !ownerAlive) || (!owner && ageMs > 10_000)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        log(`waiting for another sangathan infra process (pid ${owner || '?'}) that is ${what}…`);
        announced = true;
      }
      if (Date.now() - started > 15 * 60_000) {
        throw new InfraError(`sangathan infra: gave up waiting for the lock ${lockDir}; remove it if stale`);
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------------------

function processAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  // A zombie (exited but not yet reaped) still answers kill(0).
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) {
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  }
  return true;
}

function processCmdline(pid) {
  const raw = readText(`/proc/${pid}/cmdline`);
  return raw === null ? null : raw.split('\0').filter(Boolean);
}

function readPid(pidFile) {
  const pid = Number((readText(pidFile) || '').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Our process for the component, if its pid file points at a live process that looks like it. */
function ownProcess(component) {
  const pid = readPid(component.pidFile);
  if (!pid || !processAlive(pid)) return null;
  const cmdline = processCmdline(pid);
  // Without /proc (macOS) we trust the pid file.
  if (cmdline && !cmdline.join(' ').includes(component.dir)) return null;
  return { pid, cmdline };
}

/** Keeps the previous run's log as `<file>.previous` so readiness checks only see this run's lines. */
function rotateLog(file) {
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.previous`);
}

function spawnDetached(command, args, { cwd, logFile, pidFile, env }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} sangathan infra: ${command} ${args.join(' ')}\n`);
  let child;
  try {
    child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  if (!child.pid) throw new InfraError(`sangathan infra: could not start ${command}; see ${logFile}`);
  child.on('error', () => {});
  child.unref();
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  return child.pid;
}

async function terminate(pid, timeoutMs = STOP_TIMEOUT_MS) {
  if (!processAlive(pid)) return 'gone';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return 'stopped';
    await sleep(200);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
  return 'killed';
}

// ---------------------------------------------------------------------------------------------------------
// Network probes: TCP, Kafka ApiVersions + Metadata, Mongo OP_MSG ping
// ---------------------------------------------------------------------------------------------------------

/** Sends `request` (or nothing) and resolves with the framed response bytes; rejects on error/timeout. */
function exchange(host, port, request, { frame, timeoutMs = 3000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let buffer = Buffer.alloc(0);
    const done = (error, value) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`timeout talking to ${host}:${port}`)));
    socket.on('error', (error) => done(error));
    socket.on('connect', () => {
      if (!request) return done(null, Buffer.alloc(0));
      socket.write(request);
    });
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const length = frame(buffer);
      if (length !== null && buffer.length >= length) done(null, buffer.subarray(0, length));
    });
    socket.on('end', () => done(new Error(`connection closed by ${host}:${port}`)));
  });
}

export async function tcpReachable(host, port, timeoutMs = 2000) {
  try {
    await exchange(host, port, null, { timeoutMs });
    return true;
  } catch {
    return false;
  }
}

// Kafka: size-prefixed frames, request header v1 (api_key, api_version, correlation_id, client_id).
const kafkaFrame = (buf) => (buf.length >= 4 ? 4 + buf.readInt32BE(0) : null);

function kafkaRequest(apiKey, apiVersion, correlationId, body) {
  const clientId = Buffer.from('sangathan-infra');
  const header = Buffer.alloc(10);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(apiVersion, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(clientId.length, 8);
  const payload = Buffer.concat([header, clientId, body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length, 0);
  return Buffer.concat([size, payload]);
}

/** ApiVersions v0, then Metadata v4: resolves when the broker answers and lists at least one broker. */
export async function kafkaProbe(host, port) {
  const versions = await exchange(host, port, kafkaRequest(18, 0, 1, Buffer.alloc(0)), { frame: kafkaFrame });
  // size(4) correlation_id(4) error_code(2) [api_key min max](count 4)
  if (versions.readInt32BE(4) !== 1) throw new Error('unexpected ApiVersions correlation id');
  const errorCode = versions.readInt16BE(8);
  if (errorCode !== 0) throw new Error(`ApiVersions error code ${errorCode}`);
  const count = versions.readInt32BE(10);
  let metadataRange = null;
  for (let i = 0, offset = 14; i < count; i++, offset += 6) {
    if (versions.readInt16BE(offset) === 3) {
      metadataRange = [versions.readInt16BE(offset + 2), versions.readInt16BE(offset + 4)];
    }
  }
  if (!metadataRange || metadataRange[0] > 4 || metadataRange[1] < 4) {
    return { apiCount: count, brokers: null }; // cannot check with v4; ApiVersions is good enough
  }
  // Metadata v4 body: topics = null (int32 -1), allow_auto_topic_creation = false.
  const body = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]);
  const metadata = await exchange(host, port, kafkaRequest(3, 4, 2, body), { frame: kafkaFrame });
  // size(4) correlation_id(4) throttle_time_ms(4) brokers count(4)
  const brokers = metadata.readInt32BE(12);
  if (brokers < 1) throw new Error('broker metadata lists no brokers yet');
  return { apiCount: count, brokers };
}

// MongoDB wire protocol: OP_MSG (2013) with one kind-0 section holding a BSON document.
function bsonEncode(doc) {
  const parts = [];
  for (const [key, value] of Object.entries(doc)) {
    const name = Buffer.from(`${key}\0`);
    if (typeof value === 'number' && Number.isInteger(value)) {
      const v = Buffer.alloc(4);
      v.writeInt32LE(value, 0);
      parts.push(Buffer.from([0x10]), name, v);
    } else if (typeof value === 'string') {
      const str = Buffer.from(`${value}\0`);
      const len = Buffer.alloc(4);
      len.writeInt32LE(str.length, 0);
      parts.push(Buffer.from([0x02]), name, len, str);
    } else if (typeof value === 'boolean') {
      parts.push(Buffer.from([0x08]), name, Buffer.from([value ? 1 : 0]));
    } else {
      throw new Error(`bsonEncode: unsupported value for ${key}`);
    }
  }
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(body.length + 4, 0);
  return Buffer.concat([size, body]);
}

/** Decodes a BSON document (the common types; binary/ObjectId/decimal become placeholders). */
function bsonDecode(buf, asArray = false) {
  const out = asArray ? [] : {};
  const end = buf.readInt32LE(0) - 1;
  let offset = 4;
  while (offset < end) {
    const type = buf[offset++];
    const nameEnd = buf.indexOf(0, offset);
    const key = buf.toString('utf8', offset, nameEnd);
    offset = nameEnd + 1;
    let value;
    switch (type) {
      case 0x01:
        value = buf.readDoubleLE(offset);
        offset += 8;
        break;
      case 0x02:
      case 0x0d:
      case 0x0e: {
        const len = buf.readInt32LE(offset);
        value = buf.toString('utf8', offset + 4, offset + 4 + len - 1);
        offset += 4 + len;
        break;
      }
      case 0x03:
      case 0x04: {
        const len = buf.readInt32LE(offset);
        value = bsonDecode(buf.subarray(offset, offset + len), type === 0x04);
        offset += len;
        break;
      }
      case 0x05:
        value = '<binary>';
        offset += 5 + buf.readInt32LE(offset);
        break;
      case 0x07:
        value = buf.toString('hex', offset, offset + 12);
        offset += 12;
        break;
      case 0x08:
        value = buf[offset] === 1;
        offset += 1;
        break;
      case 0x09:
      case 0x11:
      case 0x12:
        value = Number(buf.readBigInt64LE(offset));
        offset += 8;
        break;
      case 0x0a:
      case 0x06:
      case 0xff:
      case 0x7f:
        value = null;
        break;
      case 0x10:
        value = buf.readInt32LE(offset);
        offset += 4;
        break;
      case 0x13:
        value = '<decimal128>';
        offset += 16;
        break;
      default:
        return out; // unknown type: stop, keep what we have
    }
    if (asArray) out.push(value);
    else out[key] = value;
  }
  return out;
}

const mongoFrame = (buf) => (buf.length >= 4 ? buf.readInt32LE(0) : null);

/** Runs one database command over OP_MSG; resolves with the reply document, rejects unless ok: 1. */
export async function mongoCommand(host, port, db, command) {
  const doc = bsonEncode({ ...command, $db: db });
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + 4 + 1 + doc.length, 0);
  header.writeInt32LE(randomBytes(3).readUIntLE(0, 3), 4); // requestID
  header.writeInt32LE(0, 8); // responseTo
  header.writeInt32LE(2013, 12); // OP_MSG
  const request = Buffer.concat([header, Buffer.alloc(4) /* flagBits */, Buffer.from([0]), doc]);
  const reply = await exchange(host, port, request, { frame: mongoFrame });
  if (reply.readInt32LE(12) !== 2013) throw new Error(`unexpected opcode ${reply.readInt32LE(12)} in reply`);
  if (reply[20] !== 0) throw new Error('unexpected OP_MSG section kind');
  const result = bsonDecode(reply.subarray(21));
  if (result.ok !== 1) {
    throw new Error(`${Object.keys(command)[0]} failed: ${result.errmsg || JSON.stringify(result)}`);
  }
  return result;
}

/** `{ ping: 1 }` against the admin database. */
export function mongoPing(host, port) {
  return mongoCommand(host, port, 'admin', { ping: 1 });
}

function parseHostPort(spec, defaultPort) {
  const s = spec.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (v6) return { host: v6[1], port: Number(v6[2] || defaultPort) };
  const i = s.lastIndexOf(':');
  if (i === -1) return { host: s, port: defaultPort };
  return { host: s.slice(0, i), port: Number(s.slice(i + 1)) };
}

function firstBroker(brokers) {
  const first = brokers.split(',')[0].replace(/^[a-z]+:\/\//i, '');
  return parseHostPort(first, 9092);
}

function firstMongoHost(uri) {
  const match = /^mongodb(\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(uri);
  if (!match) return null;
  if (match[1]) return { srv: true, host: match[2] };
  return parseHostPort(match[2].split(',')[0], 27017);
}

// ---------------------------------------------------------------------------------------------------------
// Prerequisites and provisioning
// ---------------------------------------------------------------------------------------------------------

function requireJava() {
  const java = findOnPath('java');
  const hint = 'install openjdk-17-jre-headless (Debian/Ubuntu) or any JDK/JRE 17+';
  if (!java)
    throw new InfraError(
      `sangathan infra: Java 17+ is required to run Kafka (not found on PATH); ${hint}`,
      2,
    );
  const { stderr = '', stdout = '' } = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${stderr}${stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= 17)) {
    throw new InfraError(
      `sangathan infra: Java 17+ is required to run Kafka (found ${match ? `Java ${major}` : 'an unrecognised java'} at ${java}); ${hint}`,
      2,
    );
  }
  return java;
}

function requireMaven() {
  const mvn = findOnPath('mvn');
  if (!mvn) {
    throw new InfraError(
      `sangathan infra: Maven is required once to download the Kafka ${KAFKA_VERSION} jars (mvn not found on PATH); install maven`,
      2,
    );
  }
  return mvn;
}

function requireGo() {
  const go = findOnPath('go');
  const hint = 'install Go 1.21+ from https://go.dev/dl (Debian: golang-go from bookworm-backports or newer)';
  if (!go) {
    throw new InfraError(
      `sangathan infra: Go is required once to build FerretDB ${FERRETDB_VERSION} (go not found on PATH); ${hint}`,
      2,
    );
  }
  const { stdout = '' } = spawnSync(go, ['version'], { encoding: 'utf8' });
  const match = /go(\d+)\.(\d+)/.exec(stdout);
  // FerretDB v1.24 needs Go 1.24; Go >= 1.21 downloads that toolchain itself (GOTOOLCHAIN=auto).
  if (match && (Number(match[1]) < 1 || (Number(match[1]) === 1 && Number(match[2]) < 21))) {
    throw new InfraError(
      `sangathan infra: Go 1.21+ is required once to build FerretDB ${FERRETDB_VERSION} (found go${match[1]}.${match[2]}); ${hint}`,
      2,
    );
  }
  return go;
}

function kafkaPom() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by sangathan infra/local/infra.mjs: runtime classpath of a single-node KRaft Kafka broker. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>sangathan.local</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>${KAFKA_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>${SLF4J_VERSION}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>${LOG4J_VERSION}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>${LOG4J_VERSION}</version></dependency>
  </dependencies>
</project>
`;
}

function kafkaProvisioned(cfg) {
  return fs.existsSync(cfg.kafka.marker);
}

function ferretProvisioned(cfg) {
  return fs.existsSync(cfg.ferretdb.marker) && fs.existsSync(cfg.ferretdb.binary);
}

async function provisionKafka(cfg, log) {
  const k = cfg.kafka;
  if (kafkaProvisioned(cfg)) return false;
  const mvn = requireMaven();
  await withLock(path.join(k.home + '.lock'), `provisioning Kafka ${KAFKA_VERSION}`, log, async () => {
    if (kafkaProvisioned(cfg)) return;
    const started = Date.now();
    log(`provisioning Kafka ${KAFKA_VERSION} from Maven Central (first run only, ~30 s)…`);
    fs.mkdirSync(k.home, { recursive: true });
    const pom = path.join(k.home, 'pom.xml');
    fs.writeFileSync(pom, kafkaPom());
    const partial = path.join(k.home, 'libs.partial');
    fs.rmSync(partial, { recursive: true, force: true });
    const { code, output } = await runCapture(
      mvn,
      [
        '-q',
        '-B',
        '-f',
        pom,
        `${MAVEN_DEPENDENCY_PLUGIN}:copy-dependencies`,
        `-DoutputDirectory=${partial}`,
        '-DincludeScope=runtime',
      ],
      { cwd: k.home },
    );
    const jars = fs.existsSync(partial) ? fs.readdirSync(partial).filter((f) => f.endsWith('.jar')) : [];
    if (code !== 0 || !jars.some((f) => f.startsWith('kafka_2.13-'))) {
      throw new InfraError(
        `sangathan infra: downloading Kafka ${KAFKA_VERSION} with Maven failed (exit ${code}); pom: ${pom}\n${lastLines(output, 30)}`,
      );
    }
    fs.rmSync(k.libs, { recursive: true, force: true });
    fs.renameSync(partial, k.libs);
    fs.writeFileSync(
      k.marker,
      `${JSON.stringify({ version: KAFKA_VERSION, jars: jars.length, at: new Date().toISOString() })}\n`,
    );
    log(
      `Kafka ${KAFKA_VERSION} ready in ${seconds(Date.now() - started)} (${jars.length} jars in ${k.libs})`,
    );
  });
  return true;
}

async function provisionFerretdb(cfg, log) {
  const f = cfg.ferretdb;
  if (ferretProvisioned(cfg)) return false;
  const go = requireGo();
  await withLock(f.home + '.lock', `building FerretDB ${FERRETDB_VERSION}`, log, async () => {
    if (ferretProvisioned(cfg)) return;
    const started = Date.now();
    log(`building FerretDB ${FERRETDB_VERSION} with Go (first run only, ~2 min)…`);
    fs.mkdirSync(f.home, { recursive: true });
    const env = { ...process.env, GOFLAGS: '-mod=readonly', GO111MODULE: 'on' };
    // `go install github.com/FerretDB/FerretDB/cmd/ferretdb@<v>` produces a binary that panics at startup
    // ("Invalid build/version/version.txt") because the module zip lacks the generated version.txt.
    // So: download the module source, add version.txt, and build from that copy.
    const dl = await runCapture(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      cwd: f.home,
      env,
    });
    let moduleDir;
    try {
      moduleDir = JSON.parse(dl.output.slice(dl.output.indexOf('{'))).Dir;
    } catch {
      moduleDir = null;
    }
    if (dl.code !== 0 || !moduleDir) {
      throw new InfraError(
        `sangathan infra: downloading FerretDB ${FERRETDB_VERSION} sources with Go failed (exit ${dl.code})\n${lastLines(dl.output, 30)}`,
      );
    }
    const src = path.join(f.home, 'src');
    fs.rmSync(src, { recursive: true, force: true });
    fs.cpSync(moduleDir, src, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', src]);
    fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    fs.writeFileSync(path.join(src, 'build', 'version', 'package.txt'), 'sangathan-local\n');
    let patched;
    try {
      patched = applyFerretdbPatches(src);
    } catch (err) {
      throw new InfraError(`sangathan infra: ${err.message}; see infra/local/ferretdb-patches.mjs`);
    }
    log(`FerretDB sources patched: ${patched.join(', ')}`);
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
      `${JSON.stringify({ version: FERRETDB_VERSION, patches: FERRETDB_PATCHES.map((p) => p.name), at: new Date().toISOString() })}\n`,
    );
    log(`FerretDB ${FERRETDB_VERSION} built in ${seconds(Date.now() - started)} (${f.binary})`);
  });
  return true;
}

/** Fails fast (exit 2, one line) when a tool needed now is missing, before any slow step. Returns java. */
function preflight(cfg) {
  const java = requireJava();
  if (!kafkaProvisioned(cfg)) requireMaven();
  if (!ferretProvisioned(cfg)) requireGo();
  return java;
}

/** Downloads Kafka jars and builds FerretDB into the cache when missing. Idempotent. */
export async function provision(opts = {}) {
  const log = makeLogger(opts);
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    return { external: true };
  }
  const cfg = config(opts.profile || 'dev');
  preflight(cfg);
  const kafka = await provisionKafka(cfg, log);
  const ferretdb = await provisionFerretdb(cfg, log);
  if (!kafka && !ferretdb && opts.announceCached) {
    log(`artifacts already cached: ${cfg.kafka.libs}, ${cfg.ferretdb.binary}`);
  }
  return { kafka, ferretdb, cache: cfg.cache };
}

// ---------------------------------------------------------------------------------------------------------
// Kafka and FerretDB processes
// ---------------------------------------------------------------------------------------------------------

function kafkaProperties(cfg) {
  const k = cfg.kafka;
  return `# Generated by sangathan infra/local/infra.mjs (profile ${cfg.profile}); rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${k.host}:${k.controllerPort}
listeners=PLAINTEXT://${k.host}:${k.port},CONTROLLER://${k.host}:${k.controllerPort}
advertised.listeners=PLAINTEXT://${k.host}:${k.port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${k.logDirs}

# Topics are created explicitly by the services; never implicitly.
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1

# Single node: internal topics with one replica and few partitions (fast first consumer-group join).
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0

# Small laptop-friendly footprint.
num.network.threads=2
num.io.threads=4
log.retention.hours=72
log.retention.bytes=536870912
log.segment.bytes=67108864
log.retention.check.interval.ms=300000
`;
}

function kafkaLog4j(cfg) {
  const k = cfg.kafka;
  return `# Generated by sangathan infra/local/infra.mjs: Kafka broker logging to ${k.logFile}
status = warn
shutdownHook = disable
name = sangathan-kafka
appender.file.type = RollingFile
appender.file.name = FILE
appender.file.fileName = ${k.logFile}
appender.file.filePattern = ${k.logFile}.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 20MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.zk.name = org.apache.zookeeper
logger.zk.level = WARN
logger.requestlog.name = kafka.request.logger
logger.requestlog.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
`;
}

function kafkaJvmArgs(cfg) {
  const k = cfg.kafka;
  return [
    '-Xmx512m',
    '-Xms256m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${k.log4jFile}`,
    `-Dkafka.logs.dir=${k.dir}`,
    '-cp',
    `${k.libs}${path.sep}*`,
  ];
}

function newKafkaClusterId() {
  // Same shape as org.apache.kafka.common.Uuid#randomUuid().toString(): 16 random bytes, base64url, no '-' first.
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function ferretArgs(cfg) {
  const f = cfg.ferretdb;
  const args = [
    `--listen-addr=${f.host}:${f.port}`,
    `--state-dir=${f.stateDir}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=info',
  ];
  if (f.handler === 'sqlite') {
    args.push('--handler=sqlite', `--sqlite-url=file:${f.sqliteDir}/`);
  } else if (f.handler === 'postgresql') {
    if (!f.postgresUrl) {
      throw new InfraError(
        'sangathan infra: SANGATHAN_POSTGRES_URL is required when SANGATHAN_FERRETDB_HANDLER=postgresql ' +
          `(e.g. postgres://sangathan:sangathan@127.0.0.1:5432/sangathan_${cfg.profile})`,
        2,
      );
    }
    args.push('--handler=postgresql', `--postgresql-url=${f.postgresUrl}`);
  } else {
    throw new InfraError(
      `sangathan infra: SANGATHAN_FERRETDB_HANDLER=${f.handler} is not supported (use sqlite or postgresql)`,
      2,
    );
  }
  return args;
}

function sameArgs(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function ensurePortsFree(component, ports) {
  for (const port of ports) {
    if (await tcpReachable(component.host, port, 1000)) {
      throw new InfraError(
        `sangathan infra: ${component.host}:${port} is already in use by a process not started by sangathan infra ` +
          `(needed by ${component.name}); stop it, or pick other ports with SANGATHAN_KAFKA_PORT / ` +
          'SANGATHAN_KAFKA_CONTROLLER_PORT / SANGATHAN_MONGO_PORT',
      );
    }
  }
}

async function startKafka(cfg, log, java) {
  const k = cfg.kafka;
  const props = kafkaProperties(cfg);
  const running = ownProcess(k);
  if (running) {
    if (readText(k.propsFile) !== props) {
      throw new InfraError(
        `sangathan infra: kafka (pid ${running.pid}) is running with different settings (ports changed?); ` +
          `run "node infra/local/infra.mjs stop --profile ${cfg.profile}" first`,
      );
    }
    log(`kafka already running on ${k.host}:${k.port} (pid ${running.pid})`);
    return { pid: running.pid, reused: true };
  }
  fs.rmSync(k.pidFile, { force: true });
  fs.rmSync(k.readyFile, { force: true });
  await ensurePortsFree(k, [k.port, k.controllerPort]);
  fs.mkdirSync(k.logDirs, { recursive: true });
  writeIfChanged(k.propsFile, props);
  writeIfChanged(k.log4jFile, kafkaLog4j(cfg));
  rotateLog(k.logFile);
  if (!fs.existsSync(path.join(k.logDirs, 'meta.properties'))) {
    const clusterId = newKafkaClusterId();
    log(`formatting Kafka storage in ${k.logDirs} (cluster id ${clusterId})…`);
    const { code, output } = await runCapture(
      java,
      [...kafkaJvmArgs(cfg), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', k.propsFile],
      { cwd: k.dir },
    );
    fs.appendFileSync(k.stdoutFile, `\n=== ${new Date().toISOString()} storage format\n${output}`);
    if (code !== 0) {
      throw new InfraError(
        `sangathan infra: formatting Kafka storage failed (exit ${code})\n${lastLines(output)}`,
      );
    }
  }
  const pid = spawnDetached(java, [...kafkaJvmArgs(cfg), 'kafka.Kafka', k.propsFile], {
    cwd: k.dir,
    logFile: k.stdoutFile,
    pidFile: k.pidFile,
    env: process.env,
  });
  log(`kafka starting on ${k.host}:${k.port} (pid ${pid}, log ${k.logFile})`);
  return { pid, reused: false };
}

async function checkPostgresReachable(f) {
  let url;
  try {
    url = new URL(f.postgresUrl);
  } catch {
    throw new InfraError(
      `sangathan infra: SANGATHAN_POSTGRES_URL is not a valid URL: ${redact(f.postgresUrl)}`,
      2,
    );
  }
  if (!url.hostname || url.searchParams.has('host')) return; // unix socket or libpq-style host list: let FerretDB try
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 5432);
  if (!(await tcpReachable(host, port, 2000))) {
    throw new InfraError(
      `sangathan infra: PostgreSQL at ${host}:${port} (SANGATHAN_POSTGRES_URL) is not reachable; start it ` +
        '(Debian: sudo pg_ctlcluster <version> main start) or unset SANGATHAN_FERRETDB_HANDLER to use SQLite',
    );
  }
}

async function startFerretdb(cfg, log) {
  const f = cfg.ferretdb;
  const args = ferretArgs(cfg);
  const running = ownProcess(f);
  if (running) {
    if (running.cmdline && !sameArgs(running.cmdline.slice(1), args)) {
      throw new InfraError(
        `sangathan infra: ferretdb (pid ${running.pid}) is running with different settings (port or handler changed?); ` +
          `run "node infra/local/infra.mjs stop --profile ${cfg.profile}" first`,
      );
    }
    log(`ferretdb already running on ${f.host}:${f.port} (pid ${running.pid})`);
    return { pid: running.pid, reused: true };
  }
  fs.rmSync(f.pidFile, { force: true });
  await ensurePortsFree(f, [f.port]);
  fs.mkdirSync(f.stateDir, { recursive: true });
  if (f.handler === 'sqlite') fs.mkdirSync(f.sqliteDir, { recursive: true });
  rotateLog(f.logFile);
  const pid = spawnDetached(f.binary, args, {
    cwd: f.dir,
    logFile: f.logFile,
    pidFile: f.pidFile,
    env: process.env,
  });
  log(`ferretdb starting on ${f.host}:${f.port} (pid ${pid}, ${f.handler} backend, log ${f.logFile})`);
  return { pid, reused: false };
}

/**
 * Starts (or reuses) the profile's Kafka and FerretDB, waits until both are ready and returns the env vars
 * that point at them. opts: { fresh?: boolean, timeoutMs?: number, quiet?: boolean, log?: (msg) => void }.
 */
export async function start(profile = 'dev', opts = {}) {
  const log = makeLogger(opts);
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    return { ...ext, external: true };
  }
  const cfg = config(profile);
  // Validate the FerretDB settings before doing anything slow.
  ferretArgs(cfg);
  const java = preflight(cfg);
  if (cfg.ferretdb.handler === 'postgresql' && !ownProcess(cfg.ferretdb))
    await checkPostgresReachable(cfg.ferretdb);
  await provisionKafka(cfg, log);
  await provisionFerretdb(cfg, log);
  const started = Date.now();
  await withLock(
    path.join(cfg.dataDir + '.lock'),
    `starting the ${profile} infrastructure`,
    log,
    async () => {
      if (opts.fresh) {
        await stopComponents(cfg, () => {});
        if (fs.existsSync(cfg.dataDir)) log(`--fresh: wiping ${cfg.dataDir}`);
        fs.rmSync(cfg.dataDir, { recursive: true, force: true });
      }
      fs.mkdirSync(cfg.dataDir, { recursive: true });
      await startKafka(cfg, log, java);
      await startFerretdb(cfg, log);
    },
  );
  await waitReady(profile, { ...opts, log });
  if (opts.fresh && cfg.ferretdb.handler !== 'sqlite') await dropAllDatabases(cfg, log);
  log(
    `${profile} infrastructure ready in ${seconds(Date.now() - started)}: ${Object.entries(envFor(profile))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  return { ...envFor(profile), external: false };
}

function head(file, bytes) {
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

/** --fresh with the PostgreSQL backend: the data lives in PostgreSQL, so drop the databases through FerretDB. */
async function dropAllDatabases(cfg, log) {
  const { host, port } = cfg.ferretdb;
  const { databases = [] } = await mongoCommand(host, port, 'admin', { listDatabases: 1, nameOnly: true });
  const names = databases.map((d) => d.name).filter((n) => n && !['admin', 'local', 'config'].includes(n));
  if (names.length)
    log(`--fresh: dropping ${names.length} database(s) from the PostgreSQL backend: ${names.join(', ')}`);
  for (const name of names) await mongoCommand(host, port, name, { dropDatabase: 1 });
}

async function checkKafkaReady(cfg, pid) {
  const k = cfg.kafka;
  await kafkaProbe(k.host, k.port);
  // The log is rotated on every start, so the line belongs to this run; remember it per pid because later
  // traffic may roll the file over.
  if (Number(readText(k.readyFile)) === pid) return;
  // A broker with many consumer groups logs ~10 MB of group loading before this line (seen on a dev profile
  // after a day of tests and benchmarks), so look well past the first megabytes.
  if (!/\] Kafka Server started/.test(head(k.logFile, 64 * 1024 * 1024))) {
    throw new Error('broker answers but has not logged "Kafka Server started" yet');
  }
  fs.writeFileSync(k.readyFile, `${pid}\n`);
}

async function checkFerretReady(cfg) {
  await mongoPing(cfg.ferretdb.host, cfg.ferretdb.port);
}

function failureReport(component, logFiles, reason) {
  const parts = [`sangathan infra: ${component} is not ready: ${reason}`];
  for (const file of logFiles) {
    const text = tail(file, 20);
    parts.push(`--- last 20 lines of ${file} ---`);
    parts.push(text || '(empty or missing)');
  }
  return parts.join('\n');
}

/**
 * Waits until the profile's Kafka (ApiVersions + Metadata over TCP and the "Kafka Server started" log line)
 * and FerretDB (OP_MSG ping) answer. Fails fast when a process has died. With external infrastructure,
 * only checks TCP reachability of the first Kafka broker and the MongoDB host.
 * opts: { timeoutMs?: number (default 120000), quiet?, log? }.
 */
export async function waitReady(profile = 'dev', opts = {}) {
  const log = makeLogger(opts);
  const timeoutMs = opts.timeoutMs ?? READY_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    const broker = firstBroker(ext.KAFKA_BROKERS);
    const mongo = firstMongoHost(ext.MONGODB_URI);
    const targets = [{ name: 'kafka', ...broker }];
    if (mongo && !mongo.srv) targets.push({ name: 'mongodb', ...mongo });
    else log(`cannot check ${redact(ext.MONGODB_URI)} by TCP (mongodb+srv or unparsable); skipping`);
    for (const target of targets) {
      while (!(await tcpReachable(target.host, target.port))) {
        if (Date.now() > deadline) {
          throw new InfraError(
            `sangathan infra: external ${target.name} at ${target.host}:${target.port} is not reachable`,
          );
        }
        await sleep(500);
      }
      log(`external ${target.name} reachable at ${target.host}:${target.port}`);
    }
    return { external: true };
  }
  const cfg = config(profile);
  const started = Date.now();
  const checks = [
    {
      c: cfg.kafka,
      check: (pid) => checkKafkaReady(cfg, pid),
      logs: [cfg.kafka.logFile, cfg.kafka.stdoutFile],
    },
    { c: cfg.ferretdb, check: () => checkFerretReady(cfg), logs: [cfg.ferretdb.logFile] },
  ];
  for (const { c, check, logs } of checks) {
    let lastError = null;
    for (;;) {
      const proc = ownProcess(c);
      if (!proc) {
        if (!fs.existsSync(c.pidFile)) {
          throw new InfraError(
            `sangathan infra: ${c.name} is not running; start it with "node infra/local/infra.mjs start --profile ${profile}"`,
          );
        }
        throw new InfraError(failureReport(c.name, logs, 'its process exited'));
      }
      try {
        await check(proc.pid);
        break;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new InfraError(
          failureReport(
            c.name,
            logs,
            `timed out after ${seconds(timeoutMs)} (${lastError?.message ?? 'no answer'})`,
          ),
        );
      }
      await sleep(300);
    }
    log(`${c.name} ready on ${c.host}:${c.port} (${seconds(Date.now() - started)})`);
  }
  return { external: false, ...envFor(profile) };
}

async function stopComponents(cfg, log) {
  const results = {};
  // Reverse start order: FerretDB first, then Kafka.
  for (const c of [cfg.ferretdb, cfg.kafka]) {
    const proc = ownProcess(c);
    if (!proc) {
      fs.rmSync(c.pidFile, { force: true });
      results[c.name] = 'not running';
      log(`${c.name} not running`);
      continue;
    }
    const t0 = Date.now();
    log(`stopping ${c.name} (pid ${proc.pid})…`);
    const how = await terminate(proc.pid);
    fs.rmSync(c.pidFile, { force: true });
    if (c.readyFile) fs.rmSync(c.readyFile, { force: true });
    results[c.name] = how;
    log(
      `${c.name} ${how === 'killed' ? `killed after ${seconds(STOP_TIMEOUT_MS)}` : 'stopped'} (${seconds(Date.now() - t0)})`,
    );
  }
  return results;
}

/** Stops the profile's processes (SIGTERM, SIGKILL after 20 s) and removes the pid files. Idempotent. */
export async function stop(profile = 'dev', opts = {}) {
  const log = makeLogger(opts);
  const ext = externalInfra();
  if (ext) {
    log(externalMessage(ext));
    return { external: true };
  }
  const cfg = config(profile);
  return withLock(path.join(cfg.dataDir + '.lock'), `changing the ${profile} infrastructure`, log, () =>
    stopComponents(cfg, log),
  );
}

/** State of each component: { profile, external, components: [{ name, running, pid, address, ... }] }. */
export async function status(profile = 'dev') {
  const ext = externalInfra();
  if (ext) {
    return { profile, external: true, ...ext, components: [] };
  }
  const cfg = config(profile);
  const components = [];
  for (const c of [cfg.kafka, cfg.ferretdb]) {
    const proc = ownProcess(c);
    const address = `${c.host}:${c.port}`;
    const listening = await tcpReachable(c.host, c.port, 1000);
    components.push({
      name: c.name,
      version: c.version,
      running: Boolean(proc),
      listening,
      pid: proc?.pid ?? null,
      address,
      dataDir: c.name === 'kafka' ? c.logDirs : c.handler === 'sqlite' ? c.sqliteDir : redact(c.postgresUrl),
      logFile: c.logFile,
      ...(c.name === 'kafka'
        ? { stdoutFile: c.stdoutFile, controller: `${c.host}:${c.controllerPort}` }
        : {}),
      ...(c.name === 'ferretdb' ? { handler: c.handler } : {}),
    });
  }
  return { profile, external: false, dataDir: cfg.dataDir, cache: cfg.cache, components };
}

// ---------------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------------

const USAGE = `usage: node infra/local/infra.mjs <command> [--profile dev|test] [--fresh]

commands:
  start      provision if needed, start (or reuse) Kafka + FerretDB, wait until ready
  stop       stop both (SIGTERM, SIGKILL after 20 s); idempotent
  status     show running/stopped, pid, address, data folder and log file of each component
  wait       wait (up to 120 s) until both answer; fails fast if a process died
  env        print KAFKA_BROKERS=… and MONGODB_URI=… for the profile (--export adds "export ")
  provision  only download Kafka jars / build FerretDB into the cache

options:
  --profile dev|test   dev: Kafka 9092, FerretDB 27017 (default); test: Kafka 19092, FerretDB 27018
  --fresh              (start) stop and wipe the profile's data folder first
  --json               (status) machine-readable output
  --timeout <seconds>  (start, wait) readiness timeout, default 120

environment: SANGATHAN_KAFKA_PORT, SANGATHAN_KAFKA_CONTROLLER_PORT, SANGATHAN_MONGO_PORT, SANGATHAN_CACHE,
  SANGATHAN_KAFKA_VERSION, SANGATHAN_FERRETDB_HANDLER=sqlite|postgresql, SANGATHAN_POSTGRES_URL;
  KAFKA_BROKERS + MONGODB_URI both set = use external infrastructure, manage nothing.`;

function parseArgs(argv) {
  const opts = {
    profile: 'dev',
    fresh: false,
    json: false,
    export: false,
    timeoutMs: undefined,
    command: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--profile' || arg === '-p') opts.profile = argv[++i];
    else if (arg.startsWith('--profile=')) opts.profile = arg.slice('--profile='.length);
    else if (arg === '--fresh') opts.fresh = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--export') opts.export = true;
    else if (arg === '--timeout') opts.timeoutMs = Number(argv[++i]) * 1000;
    else if (arg.startsWith('--timeout=')) opts.timeoutMs = Number(arg.slice('--timeout='.length)) * 1000;
    else if (arg === '--help' || arg === '-h') opts.command = 'help';
    else if (!arg.startsWith('-') && !opts.command) opts.command = arg;
    else throw new InfraError(`sangathan infra: unknown argument "${arg}"\n${USAGE}`, 2);
  }
  if (!opts.profile) throw new InfraError(`sangathan infra: --profile needs a value (dev or test)`, 2);
  if (opts.timeoutMs !== undefined && !(opts.timeoutMs > 0)) {
    throw new InfraError('sangathan infra: --timeout needs a number of seconds', 2);
  }
  return opts;
}

function printStatus(st) {
  if (st.external) {
    console.log(externalMessage(st));
    return;
  }
  console.log(`profile ${st.profile}: data ${st.dataDir}, cache ${st.cache}`);
  for (const c of st.components) {
    const state = c.running
      ? c.listening
        ? 'running'
        : 'starting (not listening yet)'
      : c.listening
        ? 'stopped (port in use by another process!)'
        : 'stopped';
    console.log(`${c.name.padEnd(9)} ${state}`);
    console.log(`  pid       ${c.pid ?? '-'}`);
    console.log(`  address   ${c.address}${c.controller ? ` (controller ${c.controller})` : ''}`);
    if (c.handler) console.log(`  backend   ${c.handler}`);
    console.log(`  data      ${c.dataDir}`);
    console.log(`  log       ${c.logFile}${c.stdoutFile ? ` (JVM output: ${c.stdoutFile})` : ''}`);
  }
}

export async function main(argv = process.argv.slice(2)) {
  const opts = parseArgs(argv);
  switch (opts.command) {
    case 'start':
      await start(opts.profile, { fresh: opts.fresh, timeoutMs: opts.timeoutMs });
      return 0;
    case 'stop':
      await stop(opts.profile);
      return 0;
    case 'wait':
      await waitReady(opts.profile, { timeoutMs: opts.timeoutMs });
      return 0;
    case 'provision':
      await provision({ profile: opts.profile, announceCached: true });
      return 0;
    case 'status': {
      const st = await status(opts.profile);
      if (opts.json) console.log(JSON.stringify(st, null, 2));
      else printStatus(st);
      return st.external || st.components.every((c) => c.running) ? 0 : 3;
    }
    case 'env': {
      const prefix = opts.export ? 'export ' : '';
      for (const [key, value] of Object.entries(envFor(opts.profile)))
        console.log(`${prefix}${key}=${value}`);
      return 0;
    }
    case 'help':
      console.log(USAGE);
      return 0;
    default:
      console.error(opts.command ? `sangathan infra: unknown command "${opts.command}"\n${USAGE}` : USAGE);
      return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      if (error instanceof InfraError) {
        console.error(error.message);
        process.exitCode = error.exitCode;
      } else {
        console.error(`sangathan infra: unexpected error: ${error?.stack || error}`);
        process.exitCode = 1;
      }
    },
  );
}
