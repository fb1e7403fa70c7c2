import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import { deadLetterTopicName, MEETINGS_TOPICS, ORG_TOPICS, TRAINING_TOPICS } from '@sangathan/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { bearer, isolateTest, NATIONAL_ADMIN, TopicProbe, waitFor } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { toCsv } from '../src/common/csv';
import { AppModule } from '../src/app.module';
import { ORG_SERVICE_DESCRIPTION } from '../src/service';

export const ADMIN = bearer(NATIONAL_ADMIN);

/** A district president of the given district of the fixture tree. */
export function districtPresident(districtId: string, sub = `dp-${districtId}`): string {
  const principal: Principal = {
    sub,
    roles: ['district-president'],
    areaId: districtId,
    areaPath: ['IN', 'UP', 'UP-Z-A'],
  };
  return bearer(principal);
}

/** The org service on its own database and topic prefix, for one test file. */
export class OrgHarness {
  app!: INestApplication;
  readonly isolation: ReturnType<typeof isolateTest>;
  private probes: TopicProbe[] = [];

  constructor(name: string) {
    this.isolation = isolateTest(name);
  }

  async start(): Promise<this> {
    process.env.MONGODB_DB = this.isolation.dbName('org');
    process.env.ORG_OVERDUE_SWEEP_MS = '0';
    await this.createTopics();
    this.app = await createServiceApp(AppModule, ORG_SERVICE_DESCRIPTION);
    await this.app.init();
    delete process.env.MONGODB_DB;
    await waitFor(async () => (await request(this.app.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'org ready',
      timeoutMs: 45_000,
    });
    return this;
  }

  /**
   * Org consumes the meetings and training topics; their owners create them in a deployment, so a
   * test creates them (under its own prefix) before the consumer joins, with org's own topics.
   * Created without kafkajs' `waitForLeaders` (which waits on the metadata of every topic of a
   * busy shared broker) and then polled until their own partitions have leaders.
   */
  private async createTopics(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'org-test-topics',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const names = [...ORG_TOPICS, ...MEETINGS_TOPICS, ...TRAINING_TOPICS]
        .flatMap((t) => [t.name, deadLetterTopicName(t.name)])
        .map((n) => `${this.isolation.topicPrefix}${n}`);
      await admin.createTopics({
        topics: names.map((topic) => ({ topic, numPartitions: 3 })),
        waitForLeaders: false,
      });
      await waitFor(
        async () => {
          const metadata = await admin.fetchTopicMetadata({ topics: names });
          return metadata.topics.every(
            (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
          );
        },
        { what: 'topic leaders', timeoutMs: 30_000, intervalMs: 300 },
      );
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.probes.map((p) => p.stop()));
    await this.app?.close();
  }

  http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer());
  }

  db(): Connection {
    return this.app.get<Connection>(getConnectionToken());
  }

  async probe(topic: string): Promise<TopicProbe> {
    const probe = await new TopicProbe(`${this.isolation.topicPrefix}${topic}`).start();
    this.probes.push(probe);
    return probe;
  }

  /** Waits until `probe` saw an event of `type` matching `match`, and returns its envelope. */
  async published(
    probe: TopicProbe,
    type: string,
    match: (payload: Record<string, unknown>) => boolean = () => true,
  ): Promise<{ key: string | null; event: Record<string, unknown> & { payload: Record<string, unknown> } }> {
    return waitFor(
      () => {
        for (const m of probe.messages) {
          const event = JSON.parse(m.value);
          if (event.type === type && match(event.payload)) return { key: m.key, event };
        }
        return undefined;
      },
      { what: `${type} to be published`, timeoutMs: 30_000 },
    );
  }

  importCsv(
    kind: 'areas' | 'members',
    header: string[],
    rows: Record<string, unknown>[],
    query = '',
    auth = ADMIN,
  ): request.Test {
    return this.http()
      .post(`/imports/${kind}${query}`)
      .set('Authorization', auth)
      .set('content-type', 'text/csv')
      .send(toCsv(header, rows));
  }

  /**
   * IN > UP > zone UP-Z-A > districts UP-D-ONE, UP-D-TWO; Lok Sabha UP-LS-01 under UP; assembly
   * UP-AC-001 (district one) and UP-AC-002 (district two), both in UP-LS-01; one mandal, one
   * sector and two booths under each assembly.
   */
  async seedTree(): Promise<void> {
    const rows: Record<string, unknown>[] = [
      { code: 'IN', level: 'national', nameEn: 'India', nameHi: 'भारत' },
      { code: 'UP', level: 'state', parentId: 'IN', nameEn: 'Uttar Pradesh', nameHi: 'उत्तर प्रदेश' },
      { code: 'UP-Z-A', level: 'zone', parentId: 'UP', nameEn: 'Agra division' },
      { code: 'UP-D-ONE', level: 'district', parentId: 'UP-Z-A', nameEn: 'Lucknow', nameHi: 'लखनऊ' },
      { code: 'UP-D-TWO', level: 'district', parentId: 'UP-Z-A', nameEn: 'Śrāvastī', nameHi: 'श्रावस्ती' },
      {
        code: 'UP-LS-01',
        level: 'lok-sabha',
        parentId: 'UP',
        nameEn: 'Saharanpur',
        seatClass: 'lost',
        lastMargin: -64542,
      },
    ];
    for (const [ac, district] of [
      ['UP-AC-001', 'UP-D-ONE'],
      ['UP-AC-002', 'UP-D-TWO'],
    ]) {
      rows.push({
        code: ac,
        level: 'assembly',
        parentId: district,
        nameEn: `Seat ${ac}`,
        lokSabhaId: 'UP-LS-01',
        seatClass: 'lost',
      });
      rows.push({
        code: `${ac}-M01`,
        level: 'mandal',
        parentId: ac,
        nameEn: 'Rampur Mandal',
        nameHi: 'रामपुर मंडल',
      });
      rows.push({
        code: `${ac}-M01-S01`,
        level: 'sector',
        parentId: `${ac}-M01`,
        nameEn: 'Shivnagar Sector',
        nameHi: 'शिवनगर सेक्टर',
      });
      for (const b of ['B0001', 'B0002']) {
        rows.push({
          code: `${ac}-${b}`,
          level: 'booth',
          parentId: `${ac}-M01-S01`,
          nameEn: `Booth ${b}`,
          nameHi: `बूथ ${b}`,
          voterCount: 900,
          beneficiaryCount: 300,
          socialComposition: 'general:0.2;obc:0.5;sc:0.3',
        });
      }
    }
    const res = await this.importCsv('areas', AREA_HEADER, rows);
    if (res.status !== 200)
      throw new Error(`seeding the tree failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Registers a member over HTTP and returns its id. */
  async member(
    areaId: string,
    phone: string,
    name = 'Ramesh Yadav',
    nameAlt: string | null = 'रमेश यादव',
  ): Promise<string> {
    const res = await this.http()
      .post('/members')
      .set('Authorization', ADMIN)
      .send({ phone, name, nameAlt, areaId });
    if (res.status !== 201)
      throw new Error(`registering ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }
}

export const AREA_HEADER = [
  'code',
  'level',
  'parentId',
  'nameEn',
  'nameHi',
  'seatClass',
  'lastMargin',
  'lokSabhaId',
  'boothCount',
  'voterCount',
  'beneficiaryCount',
  'socialComposition',
];
export const MEMBER_HEADER = ['phone', 'name', 'nameAlt', 'kind', 'areaId'];
