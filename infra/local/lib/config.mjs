// Versions, profiles and the resolved settings (ports, folders, files) of each component.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = process.env.SANGATHAN_KAFKA_VERSION || '4.1.1';
export const FERRETDB_VERSION = 'v2.7.0';
export const POSTGRES_MAJOR = '15';
export const HOST = '127.0.0.1';
export const READY_TIMEOUT_MS = 120_000;
export const STOP_TIMEOUT_MS = 20_000;

const PROFILES = {
  dev: {
    kafkaPort: 9092,
    kafkaControllerPort: 9093,
    kafkaSaslPort: 9094,
    mongoPort: 27017,
    postgresPort: 54320,
  },
  test: {
    kafkaPort: 19092,
    kafkaControllerPort: 19093,
    kafkaSaslPort: 19094,
    mongoPort: 27018,
    postgresPort: 54321,
  },
  bench: {
    kafkaPort: 19192,
    kafkaControllerPort: 19193,
    kafkaSaslPort: 19194,
    mongoPort: 27019,
    postgresPort: 54322,
  },
  // A database the fault tests may kill without disturbing the other tests.
  fault: {
    kafkaPort: 19292,
    kafkaControllerPort: 19293,
    kafkaSaslPort: 19294,
    mongoPort: 27020,
    postgresPort: 54323,
  },
  // The broker access-control tests (infra/local/test/kafka-acl.int-spec.ts) change broker users and ACLs.
  streams: {
    kafkaPort: 29092,
    kafkaControllerPort: 29093,
    kafkaSaslPort: 29094,
    mongoPort: 29017,
    postgresPort: 25432,
  },
};
export const PROFILE_NAMES = Object.keys(PROFILES);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Error whose message is a complete, user-facing sentence; the CLI prints it on one line and exits. */
export class InfraError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = 'InfraError';
    this.exitCode = exitCode;
  }
}

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

/** Where the source tarballs of DocumentDB, libbson, pg_cron and pgvector are (SANGATHAN_VENDOR_DIR wins). */
export function vendorDir() {
  if (process.env.SANGATHAN_VENDOR_DIR) return path.resolve(process.env.SANGATHAN_VENDOR_DIR);
  for (const candidate of [path.join(repoRoot, '..', 'shared', 'vendor'), path.join(repoRoot, 'vendor')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return path.join(repoRoot, '..', 'shared', 'vendor');
}

/** Resolved settings of a profile. */
export function config(profile = 'dev') {
  const defaults = PROFILES[profile];
  if (!defaults) {
    throw new InfraError(
      `sangathan infra: unknown profile "${profile}" (expected one of: ${PROFILE_NAMES.join(', ')})`,
      2,
    );
  }
  const dataDir = path.join(repoRoot, '.local', profile);
  const cache = cacheDir();
  const kafkaHome = path.join(cache, `kafka-${KAFKA_VERSION}`);
  const kafkaDir = path.join(dataDir, 'kafka');
  const postgresDir = path.join(dataDir, 'postgres');
  const ferretHome = path.join(cache, `ferretdb-${FERRETDB_VERSION}`);
  const ferretDir = path.join(dataDir, 'ferretdb');
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
      /** SASL/SCRAM-SHA-512 listener where the ACLs of infra/kafka-principals.json apply. */
      saslPort: envPort('SANGATHAN_KAFKA_SASL_PORT', defaults.kafkaSaslPort),
      /** SCRAM users' passwords of this profile (generated; wiped with the data folder). */
      credentialsFile: path.join(kafkaDir, 'users.json'),
      /** Users the broker already has (so an existing storage gets only the missing ones). */
      scramMarker: path.join(kafkaDir, 'data', 'sangathan-scram-users.json'),
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
    postgres: {
      name: 'postgresql',
      version: POSTGRES_MAJOR,
      host: HOST,
      port: envPort('SANGATHAN_POSTGRES_PORT', defaults.postgresPort),
      user: 'sangathan',
      dir: postgresDir,
      dataDir: path.join(postgresDir, 'data'),
      passwordFile: path.join(postgresDir, 'password'),
      passFile: path.join(postgresDir, 'pgpass'),
      logFile: path.join(postgresDir, 'postgresql.log'),
      pidFile: path.join(postgresDir, 'postgresql.pid'),
      // Durability is kept where a crash must not lose acknowledged writes; the test profile's data is
      // thrown away after each run, so it skips fsync (a killed server still loses nothing: the OS has the pages).
      fsync: profile !== 'test',
    },
    ferretdb: {
      name: 'ferretdb',
      version: FERRETDB_VERSION,
      host: HOST,
      port: envPort('SANGATHAN_MONGO_PORT', defaults.mongoPort),
      home: ferretHome,
      binary: path.join(ferretHome, 'bin', 'ferretdb'),
      marker: path.join(ferretHome, '.provisioned'),
      dir: ferretDir,
      stateDir: path.join(ferretDir, 'state'),
      urlFile: path.join(ferretDir, 'postgresql-url'),
      logFile: path.join(ferretDir, 'ferretdb.log'),
      pidFile: path.join(ferretDir, 'ferretdb.pid'),
    },
  };
}

/** The generated local password of the profile's database (null before its first start). */
export function readPassword(cfg) {
  try {
    return fs.readFileSync(cfg.postgres.passwordFile, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function mongoUri(cfg, password = readPassword(cfg)) {
  const auth = password ? `${cfg.postgres.user}:${encodeURIComponent(password)}@` : '';
  return `mongodb://${auth}${cfg.ferretdb.host}:${cfg.ferretdb.port}/`;
}

/** `{ KAFKA_BROKERS, MONGODB_URI }` that services should use for the profile (or the external ones). */
export function envFor(profile = 'dev') {
  const external = externalInfra();
  if (external) return external;
  const cfg = config(profile);
  return {
    KAFKA_BROKERS: `${cfg.kafka.host}:${cfg.kafka.port}`,
    MONGODB_URI: mongoUri(cfg),
    // The SASL listener with ACLs, and the file with each principal's SCRAM password.
    SANGATHAN_KAFKA_SASL_BROKERS: `${cfg.kafka.host}:${cfg.kafka.saslPort}`,
    SANGATHAN_KAFKA_CREDENTIALS: cfg.kafka.credentialsFile,
  };
}

/** When both KAFKA_BROKERS and MONGODB_URI are set, the local infrastructure is not managed at all. */
export function externalInfra() {
  const { KAFKA_BROKERS, MONGODB_URI } = process.env;
  return KAFKA_BROKERS && MONGODB_URI ? { KAFKA_BROKERS, MONGODB_URI } : null;
}

/** Hides the password of a connection string (for log output only). */
export function redact(uri) {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]+:)[^@/]*@/i, '$1***@');
}

export function externalMessage(ext) {
  return `using external infrastructure: KAFKA_BROKERS=${ext.KAFKA_BROKERS}, MONGODB_URI=${redact(ext.MONGODB_URI)}`;
}
