// Who may do what on the broker, from ONE source: infra/kafka-principals.json plus the catalogue's topic owners
// (docs/asyncapi.json, generated from libs/contracts). The local broker's SASL listener and the Strimzi KafkaUser
// resources (tools/scripts/generate-kafka-users.mjs) are both made from `accessModel()`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './config.mjs';

export const SCRAM_MECHANISM = 'SCRAM-SHA-512';

export function readPrincipals(file = path.join(repoRoot, 'infra', 'kafka-principals.json')) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Catalogue topics and their owners, from the AsyncAPI document generated from libs/contracts. */
export function readCatalogue(file = path.join(repoRoot, 'docs', 'asyncapi.json')) {
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.values(document.channels).map((c) => ({ name: c.address, owner: c['x-owner'] }));
}

const topicAcl = (principal, name, operations, patternType = 'LITERAL') =>
  operations.map((operation) => ({ principal, resourceType: 'TOPIC', name, patternType, operation }));
const groupAcl = (principal, prefix, operations) =>
  operations.map((operation) => ({
    principal,
    resourceType: 'GROUP',
    name: prefix,
    patternType: 'PREFIXED',
    operation,
  }));

/**
 * Users (names) and the ACL bindings each gets. A service writes (and creates) the topics it owns and their
 * dead-letter twins; reads the topics it subscribes to, creates them if their owner has not yet, and writes their
 * `.dlq` (where its consumer parks what it cannot handle); uses consumer groups starting with its prefix. A reader
 * (the analyst) reads and describes topics starting with its prefix, with groups starting with its group prefix.
 */
export function accessModel(principals = readPrincipals(), catalogue = readCatalogue()) {
  const known = new Set(catalogue.map((t) => t.name));
  const acls = [];
  for (const [service, spec] of Object.entries(principals.services)) {
    const user = `User:${service}`;
    const owned = catalogue.filter((t) => t.owner === service).map((t) => t.name);
    for (const topic of spec.reads)
      if (!known.has(topic))
        throw new Error(`infra/kafka-principals.json: ${service} reads unknown topic ${topic}`);
    for (const topic of owned) {
      acls.push(...topicAcl(user, topic, ['WRITE', 'CREATE', 'DESCRIBE']));
      acls.push(...topicAcl(user, `${topic}.dlq`, ['CREATE', 'DESCRIBE']));
    }
    for (const topic of spec.reads) {
      acls.push(...topicAcl(user, topic, ['READ', 'CREATE', 'DESCRIBE']));
      acls.push(...topicAcl(user, `${topic}.dlq`, ['WRITE', 'CREATE', 'DESCRIBE']));
    }
    acls.push(...groupAcl(user, spec.groupPrefix, ['READ', 'DESCRIBE']));
    // The idempotent producer asks for a producer id (Kafka 2.8+ also accepts WRITE on a topic for it).
    if (owned.length > 0 || spec.reads.length > 0)
      acls.push({
        principal: user,
        resourceType: 'CLUSTER',
        name: 'kafka-cluster',
        patternType: 'LITERAL',
        operation: 'IDEMPOTENT_WRITE',
      });
  }
  for (const [reader, spec] of Object.entries(principals.readers)) {
    const user = `User:${reader}`;
    acls.push(...topicAcl(user, spec.topicPrefix, ['READ', 'DESCRIBE'], 'PREFIXED'));
    acls.push(...groupAcl(user, spec.groupPrefix, ['READ']));
  }
  const users = [
    ...principals.superUsers,
    ...Object.keys(principals.services),
    ...Object.keys(principals.readers),
  ];
  return { users, superUsers: principals.superUsers, acls };
}

/** The profile's SCRAM users and their passwords (generated once per data folder, kept beside the broker's log dirs). */
export function ensureCredentials(file, users) {
  const existing = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const user of users) {
    if (existing[user]) continue;
    existing[user] = randomBytes(18).toString('base64url');
    changed = true;
  }
  if (changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`, { mode: 0o600 });
  }
  return existing;
}

/** `kafka-storage format --add-scram` arguments that create every user with the storage. */
export function addScramArgs(credentials) {
  return Object.entries(credentials).flatMap(([name, password]) => [
    '--add-scram',
    `${SCRAM_MECHANISM}=[name=${name},password=${password}]`,
  ]);
}

/**
 * Puts the model's ACLs on a running broker through its plaintext listener (whose anonymous principal is a super
 * user), and removes bindings of the model's users that the model no longer has. Idempotent.
 */
export async function applyAcls(kafkajs, brokers, model) {
  const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } =
    kafkajs;
  const admin = new Kafka({ clientId: 'sangathan-infra-acls', brokers, logLevel: logLevel.NOTHING }).admin();
  const binding = (acl) => ({
    resourceType: AclResourceTypes[acl.resourceType],
    resourceName: acl.name,
    resourcePatternType: ResourcePatternTypes[acl.patternType],
    principal: acl.principal,
    host: '*',
    operation: AclOperationTypes[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
  });
  const key = (b) =>
    [b.resourceType, b.resourceName, b.resourcePatternType, b.principal, b.operation].join('|');
  await admin.connect();
  try {
    const wanted = model.acls.map(binding);
    const wantedKeys = new Set(wanted.map(key));
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const ours = new Set(model.users.map((u) => `User:${u}`));
    const present = resources.flatMap((r) =>
      r.acls.map((a) => ({
        resourceType: r.resourceType,
        resourceName: r.resourceName,
        resourcePatternType: r.resourcePatternType,
        principal: a.principal,
        host: a.host,
        operation: a.operation,
        permissionType: a.permissionType,
      })),
    );
    const presentKeys = new Set(present.map(key));
    const stale = present.filter((b) => ours.has(b.principal) && !wantedKeys.has(key(b)));
    if (stale.length > 0) await admin.deleteAcls({ filters: stale });
    const missing = wanted.filter((b) => !presentKeys.has(key(b)));
    if (missing.length > 0) await admin.createAcls({ acl: missing });
    return { created: missing.length, deleted: stale.length };
  } finally {
    await admin.disconnect();
  }
}
