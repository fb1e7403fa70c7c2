// Shared by the notifications benchmarks: the built service in a child process, its org-directory and
// preferences seeded straight into its database, the provider stub in this process, events published
// as training's relay would.
import { readFileSync } from 'node:fs';
import {
  createEvent,
  TOPICS,
  TRAINING_PARTICIPANT_TOPIC,
  TrainingParticipantInvitedV1,
} from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv, toOutboxEntry } from '@sangathan/messaging';
import mongoose, { type Connection } from 'mongoose';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a benchmark drives the dev provider stub in-process
import { ProviderStub } from '../tools/dev/provider-stub/provider-stub';
import { startBuiltService } from './service-process';

export type NotificationsService = {
  url: string;
  db: Connection;
  pid: number;
  stub: ProviderStub;
  kafka: KafkaConnection;
  stop: () => Promise<void>;
};

const ANCESTORS = ['IN', 'UP', 'Z1', 'D1'];

/** Resident set size of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** Writes `members` members of one assembly seat into org-directory, each with a phone, in bulks. */
export async function seedMembers(db: Connection, members: number): Promise<string[]> {
  await db.collection('org_directory_areas').insertOne({
    _id: 'AC1' as never,
    level: 'assembly',
    ancestors: ANCESTORS,
    nameEn: 'Lucknow West',
    nameHi: 'लखनऊ पश्चिम',
    lastEventId: '0',
  });
  const ids = Array.from({ length: members }, (_, i) => `bench-m${i}`);
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    await db.collection('org_directory_members').insertMany(
      chunk.map((id, j) => ({
        _id: id as never,
        name: (i + j) % 2 === 0 ? `सदस्य ${i + j}` : `Member ${i + j}`,
        nameAlt: null,
        status: 'active',
        areaId: 'AC1',
        ancestors: ANCESTORS,
        lastEventId: '0',
      })),
    );
    await db.collection('preferences').insertMany(
      chunk.map((id, j) => ({
        _id: id as never,
        language: null,
        phone: `+9190${String(i + j).padStart(8, '0')}`,
        email: null,
        mutedChannels: [],
        mutedRules: [],
        updatedAt: new Date(),
      })),
    );
  }
  return ids;
}

/** One invitation per member to a session a month away (its reminders stay queued). */
export async function publishInvitations(
  kafka: KafkaConnection,
  memberIds: readonly string[],
  sessionId: string,
): Promise<void> {
  const producer = await kafka.producer();
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  for (let i = 0; i < memberIds.length; i += 1000) {
    const messages = memberIds.slice(i, i + 1000).map((memberId) => {
      const participantId = `${sessionId}~${memberId}`;
      const envelope = createEvent(
        TrainingParticipantInvitedV1,
        {
          programmeId: 'bench',
          sessionId,
          areaId: 'AC1',
          participantId,
          memberId,
          positionId: 'it-cell-sector:S1',
          memberAreaId: 'AC1',
          startsAt,
          invitedAt: new Date().toISOString(),
        },
        {
          producer: 'training-events',
          areaId: 'AC1',
          areaPath: ANCESTORS,
          actorId: null,
          correlationId: 'bench',
        },
      );
      const entry = toOutboxEntry(envelope, TRAINING_PARTICIPANT_TOPIC.name, participantId);
      return { key: entry.key, value: entry.value };
    });
    await producer.send({ topic: kafka.topicName(TRAINING_PARTICIPANT_TOPIC.name), messages });
  }
}

/** Starts the provider stub and the built notifications service (quiet hours off: a bench must not depend on the hour). */
export async function startNotificationsService(
  id: string,
  port: number,
  members: number,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<NotificationsService & { memberIds: string[] }> {
  process.env.KAFKA_TOPIC_PREFIX = `${id}.`;
  const kafka = new KafkaConnection(kafkaSettingsFromEnv('bench-notifications'));
  await kafka.ensureTopics(TOPICS);
  const dbName = `${id}-notifications`;
  const db = await mongoose
    .createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { dbName })
    .asPromise();
  const memberIds = await seedMembers(db, members);
  const stub = new ProviderStub({ keepCalls: false });
  const stubUrl = await stub.start();
  const service = await startBuiltService('notifications', {
    port,
    env: {
      MONGODB_DB: dbName,
      KAFKA_TOPIC_PREFIX: `${id}.`,
      SMS_BASE_URL: stubUrl,
      WHATSAPP_BASE_URL: stubUrl,
      NOTIFY_QUIET_HOURS: 'off',
      NOTIFY_POLL_MS: '100',
      NOTIFY_WATCH_RULES: 'false',
      ...extraEnv,
    },
    nodeArgs,
  });
  return {
    url: service.url,
    db,
    pid: service.pid,
    stub,
    kafka,
    memberIds,
    stop: async () => {
      await service.stop();
      await stub.stop();
      await kafka.disconnect();
      if (!process.argv.includes('--keep')) await db.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}

/**
 * Waits until the service's consumer takes events (the group join and its first fetch take seconds), so a
 * measurement does not start with that wait: one invitation to the first member, until it is queued.
 */
export async function warmUp(service: NotificationsService & { memberIds: string[] }): Promise<void> {
  await publishInvitations(service.kafka, service.memberIds.slice(0, 1), 'bench.warm-up');
  await until(
    'the consumer to take events',
    async () =>
      (await service.db
        .collection('messages')
        .countDocuments({ sourceEventType: 'training.participant.invited' })) > 0,
    120_000,
  );
  await until('the warm-up message sent', async () => service.stub.counts.whatsapp >= 1, 120_000);
  await service.db.collection('messages').deleteMany({});
  await service.db.collection('digests').deleteMany({});
  service.stub.reset();
}

/** The stub's own capacity: `total` WhatsApp-shaped calls straight from this process, `concurrency` at a time. */
export async function stubRawRate(stub: ProviderStub, total: number, concurrency: number): Promise<number> {
  const body = JSON.stringify({
    messaging_product: 'whatsapp',
    to: '919000000000',
    type: 'template',
    template: { name: 'training_invitation', language: { code: 'hi' }, components: [] },
  });
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const res = await fetch(`${stub.url}/v21.0/raw/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body,
        });
        await res.text();
      }
    }),
  );
  return (total / (Date.now() - started)) * 1000;
}

export async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
