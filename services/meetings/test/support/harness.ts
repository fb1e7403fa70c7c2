import './quiet-logs';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Principal } from '@sangathan/auth';
import { AreaCreatedV1, createEvent, MemberJoinedV1, ORG_TOPICS, type AreaLevel } from '@sangathan/contracts';
import { createServiceApp } from '@sangathan/bootstrap';
import { OutboxRelay } from '@sangathan/messaging';
import {
  bearer,
  createTopicsWithLeaders,
  integrationInfra,
  isolateTest,
  produceRaw,
  waitFor,
} from '@sangathan/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from '../../src/service';

/** The test hierarchy: IN > UP > two zones > two districts > an assembly seat > a mandal. */
export const TREE: { id: string; level: AreaLevel; parentId: string | null; ancestors: string[] }[] = [
  { id: 'IN', level: 'national', parentId: null, ancestors: [] },
  { id: 'UP', level: 'state', parentId: 'IN', ancestors: ['IN'] },
  { id: 'Z-LKO', level: 'zone', parentId: 'UP', ancestors: ['IN', 'UP'] },
  { id: 'Z-AGRA', level: 'zone', parentId: 'UP', ancestors: ['IN', 'UP'] },
  { id: 'D-LKO', level: 'district', parentId: 'Z-LKO', ancestors: ['IN', 'UP', 'Z-LKO'] },
  { id: 'D-AGRA', level: 'district', parentId: 'Z-AGRA', ancestors: ['IN', 'UP', 'Z-AGRA'] },
  { id: 'AC-173', level: 'assembly', parentId: 'D-LKO', ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO'] },
  { id: 'M-1', level: 'mandal', parentId: 'AC-173', ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO', 'AC-173'] },
];

/**
 * Members org has published (named attendees, organisers and expected members must be in the
 * roster): the in-charge and presidents below, and workers of the Lucknow seat, plus one of Agra.
 */
export const ROSTER: { id: string; areaId: string }[] = [
  { id: 'inc-lko', areaId: 'AC-173' },
  { id: 'dp-lko', areaId: 'D-LKO' },
  { id: 'dp-agra', areaId: 'D-AGRA' },
  { id: 'w-1', areaId: 'M-1' },
  { id: 'w-2', areaId: 'AC-173' },
  { id: 'w-3', areaId: 'M-1' },
  { id: 'x-9', areaId: 'D-AGRA' },
];

export const STATE_LEADER: Principal = {
  sub: 'state-1',
  roles: ['state-leader'],
  areaId: 'UP',
  areaPath: ['IN'],
};
export const LKO_PRESIDENT: Principal = {
  sub: 'dp-lko',
  roles: ['district-president'],
  areaId: 'D-LKO',
  areaPath: ['IN', 'UP', 'Z-LKO'],
};
export const AGRA_PRESIDENT: Principal = {
  sub: 'dp-agra',
  roles: ['district-president'],
  areaId: 'D-AGRA',
  areaPath: ['IN', 'UP', 'Z-AGRA'],
};
export const LKO_INCHARGE: Principal = {
  sub: 'inc-lko',
  roles: ['incharge'],
  areaId: 'AC-173',
  areaPath: ['IN', 'UP', 'Z-LKO', 'D-LKO'],
};
export const ANALYST: Principal = { sub: 'analyst-1', roles: ['analyst'], areaId: 'IN', areaPath: [] };

export type Harness = {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: Connection;
  topicPrefix: string;
  auth(principal: Principal): string;
  close(): Promise<void>;
};

/** Creates the org topics this service consumes (org owns them; in tests nobody else makes them). */
async function createOrgTopics(prefix: string): Promise<void> {
  const kafka = new Kafka({
    clientId: 'meetings-test-admin',
    brokers: integrationInfra().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = ORG_TOPICS.map((t) => `${prefix}${t.name}`).filter((t) => !existing.has(t));
    await createTopicsWithLeaders(admin, topics);
  } finally {
    await admin.disconnect();
  }
}

/** Starts the meetings service on its own database and topic prefix, and feeds it the test hierarchy through org.area.created. */
export async function startMeetings(name: string): Promise<Harness> {
  const isolation = isolateTest(name);
  await createOrgTopics(isolation.topicPrefix);
  process.env.MONGODB_DB = isolation.dbName('meetings');
  const app = await createServiceApp(AppModule, MEETINGS_SERVICE_DESCRIPTION);
  await app.init();
  delete process.env.MONGODB_DB;
  await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, {
    what: 'readiness',
    timeoutMs: 45_000,
  });
  const admin = { sub: 'org-seed', roles: ['national-admin'], areaId: 'IN', areaPath: [] } as const;
  await produceRaw(
    `${isolation.topicPrefix}org.area.events`,
    TREE.map((a) => {
      const event = createEvent(
        AreaCreatedV1,
        {
          areaId: a.id,
          level: a.level,
          parentId: a.parentId,
          ancestors: a.ancestors,
          nameEn: a.id,
          nameHi: null,
        },
        { producer: 'org', areaId: a.id, areaPath: a.ancestors, actorId: admin.sub, correlationId: 'seed' },
      );
      return {
        key: a.id,
        value: JSON.stringify(event),
        headers: { 'event-type': event.type, 'event-version': '1', 'event-id': event.eventId },
      };
    }),
  );
  const ancestorsOf = (areaId: string) => TREE.find((a) => a.id === areaId)!.ancestors;
  await produceRaw(
    `${isolation.topicPrefix}org.member.events`,
    ROSTER.map((m) => {
      const payload = {
        memberId: m.id,
        name: m.id,
        nameAlt: null,
        kind: 'worker' as const,
        status: 'active' as const,
        areaId: m.areaId,
        ancestors: ancestorsOf(m.areaId),
        joinedAt: new Date().toISOString(),
      };
      const event = createEvent(MemberJoinedV1, payload, {
        producer: 'org',
        areaId: m.areaId,
        areaPath: ancestorsOf(m.areaId),
        actorId: admin.sub,
        correlationId: 'seed',
      });
      return {
        key: m.id,
        value: JSON.stringify(event),
        headers: { 'event-type': event.type, 'event-version': '1', 'event-id': event.eventId },
      };
    }),
  );
  const db = app.get<Connection>(getConnectionToken());
  await waitFor(async () => (await db.collection('known_areas').countDocuments({})) === TREE.length, {
    what: 'areas from org events',
    timeoutMs: 45_000,
  });
  await waitFor(
    async () =>
      (await db
        .collection('known_members')
        .countDocuments({ _id: { $in: ROSTER.map((m) => m.id) } } as never)) === ROSTER.length,
    {
      what: 'roster from org events',
      timeoutMs: 45_000,
    },
  );
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    topicPrefix: isolation.topicPrefix,
    auth: (principal) => bearer(principal),
    close: async () => {
      await app
        .get(OutboxRelay)
        .drainOnce()
        .catch(() => undefined);
      await app.close();
    },
  };
}

/** An ISO instant `minutes` from now. */
export const inMinutes = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();
