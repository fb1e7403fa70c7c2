// Readiness probes: a TCP connect, the Kafka admin client and the MongoDB driver (both from the
// project's own node_modules, which npm start and npm test install before they start the infrastructure).
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { InfraError, repoRoot } from './config.mjs';

const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));

export function projectModule(name) {
  try {
    return requireFromRepo(name);
  } catch {
    throw new InfraError(
      `sangathan infra: the npm package ${name} is missing; run "npm ci" in ${repoRoot} first`,
      2,
    );
  }
}

export function tcpReachable(host, port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The broker answers the admin API and lists itself in the cluster metadata. */
export async function kafkaReady(host, port) {
  const { Kafka, logLevel } = projectModule('kafkajs');
  const admin = new Kafka({
    clientId: 'sangathan-infra-probe',
    brokers: [`${host}:${port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    if (!brokers.length) throw new Error('the broker lists no brokers yet');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A MongoDB-wire server answers an authenticated ping; returns its buildInfo. */
export async function mongoReady(uri) {
  const { MongoClient } = projectModule('mongoose').mongo;
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 2000,
    connectTimeoutMS: 2000,
    maxPoolSize: 1,
  });
  try {
    await client.connect();
    const admin = client.db('admin');
    await admin.command({ ping: 1 });
    return await admin.command({ buildInfo: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** host and port of a `host:port` or the first host of a mongodb:// URI (null host for mongodb+srv). */
export function firstHostPort(spec, defaultPort) {
  const hosts = /^mongodb\+srv:/.test(spec)
    ? null
    : (/^mongodb:\/\/(?:[^@/]*@)?([^/?,]+)/.exec(spec)?.[1] ?? spec);
  if (!hosts) return { host: null, port: defaultPort };
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hosts.trim());
  return match
    ? { host: match[1], port: Number(match[2] || defaultPort) }
    : { host: null, port: defaultPort };
}
