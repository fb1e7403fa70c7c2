import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import { CANDIDATES_PANEL_TOPIC } from '@sangathan/contracts';
import { bearer, isolateTest, TopicProbe, waitFor } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { CLOCK, type ClockPort } from '../src/modules/panels/application/ports/clock.port';
import { PANEL_SERVICE_DESCRIPTION } from '../src/service';
import { OrgFeed } from './org-feed';

export const KEY_1 = randomBytes(32).toString('base64');
export const KEY_2 = randomBytes(32).toString('base64');

/** People of the test org and their tokens. */
export const PEOPLE = {
  /** Zone coordinator of Z1 (holds the position). */
  zc1: { sub: 'zc1', roles: ['zone-coordinator'], areaId: 'Z1', areaPath: ['IN', 'UP'] },
  /** Zone coordinator of Z2. */
  zc2: { sub: 'zc2', roles: ['zone-coordinator'], areaId: 'Z2', areaPath: ['IN', 'UP'] },
  /** A token with the zone-coordinator role for Z1 whose holder was replaced in org. */
  formerZc1: { sub: 'zc-former', roles: ['zone-coordinator'], areaId: 'Z1', areaPath: ['IN', 'UP'] },
  /** The party president (national-president position). */
  president: { sub: 'pres', roles: ['national-admin'], areaId: 'IN', areaPath: [] },
  /** National HQ leadership without the presidency. */
  hq: { sub: 'hq', roles: ['national-admin'], areaId: 'IN', areaPath: [] },
  /** A district president of Z1, designated as a collector on the LS-1 panel. */
  collector: { sub: 'col1', roles: ['district-president'], areaId: 'D1', areaPath: ['IN', 'UP', 'Z1'] },
  /** A district president of Z1 who was not designated. */
  otherDp: { sub: 'dp2', roles: ['district-president'], areaId: 'D1B', areaPath: ['IN', 'UP', 'Z1'] },
  /** State leadership: no panel permissions. */
  state: { sub: 'st', roles: ['state-leader'], areaId: 'UP', areaPath: ['IN'] },
  /** An analyst: no panel permissions. */
  analyst: { sub: 'an', roles: ['analyst'], areaId: 'IN', areaPath: [] },
} satisfies Record<string, Principal>;
export type Person = keyof typeof PEOPLE;

/** Org: two zones; LS-1's assembly segments lie in Z1, LS-2's in Z2 (Lok Sabha seats sit under the state). */
export function seedOrg(feed: OrgFeed): OrgFeed {
  return feed
    .area('IN', 'national', null)
    .area('UP', 'state', 'IN')
    .area('Z1', 'zone', 'UP')
    .area('Z2', 'zone', 'UP')
    .area('D1', 'district', 'Z1')
    .area('D1B', 'district', 'Z1')
    .area('D2', 'district', 'Z2')
    .area('LS-1', 'lok-sabha', 'UP')
    .area('LS-2', 'lok-sabha', 'UP')
    .area('AC-1', 'assembly', 'D1', { lokSabhaId: 'LS-1' })
    .area('AC-2', 'assembly', 'D1B', { lokSabhaId: 'LS-1' })
    .area('AC-3', 'assembly', 'D2', { lokSabhaId: 'LS-2' })
    .member('zc1', 'Zone One Coordinator', null, 'D1')
    .member('zc-former', 'Former Coordinator', null, 'D1')
    .member('zc2', 'Zone Two Coordinator', null, 'D2')
    .member('pres', 'Party President', null, 'IN')
    .member('col1', 'Collector One', null, 'AC-1')
    .member('dp2', 'District President Two', null, 'D1B')
    .member('m1', 'राम प्रकाश यादव', 'Ram Prakash Yadav', 'AC-1')
    .member('m2', 'Sunita Verma', 'सुनीता वर्मा', 'AC-2')
    .member('m3', 'Harish Chandra Z2', null, 'AC-3')
    .assign('zone-coordinator', 'Z1', 'zc-former')
    .vacate('zone-coordinator', 'Z1', 'zc-former', 'zc1')
    .assign('zone-coordinator', 'Z1', 'zc1')
    .assign('zone-coordinator', 'Z2', 'zc2')
    .assign('national-president', 'IN', 'pres')
    .assign('district-president', 'D1', 'col1');
}

/** A clock the test moves: the service's CLOCK port, its `now` replaced. */
export class TestClock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export class PanelHarness {
  readonly isolation = isolateTest('panel');
  readonly feed = new OrgFeed();
  readonly clock = new TestClock();
  app!: INestApplication;
  db!: Connection;
  probe!: TopicProbe;

  async start(): Promise<void> {
    process.env.MONGODB_DB = this.isolation.dbName('candidates-panel');
    process.env.PANEL_ENCRYPTION_KEYS = JSON.stringify({ k1: KEY_1, k2: KEY_2 });
    process.env.PANEL_ENCRYPTION_KEY_ID = 'k1';
    process.env.PANEL_INDEX_KEY = randomBytes(32).toString('base64');
    process.env.PANEL_DEADLINE_SWEEP_MS = '0';
    await this.feed.start();
    this.app = await createServiceApp(AppModule, PANEL_SERVICE_DESCRIPTION);
    await this.app.init();
    delete process.env.MONGODB_DB;
    const clock = this.app.get<ClockPort>(CLOCK);
    clock.now = () => this.clock.now();
    this.db = this.app.get<Connection>(getConnectionToken());
    await waitFor(async () => (await this.http().get('/health/ready')).status === 200, {
      what: 'readiness',
      timeoutMs: 45_000,
    });
    this.probe = await new TopicProbe(`${this.isolation.topicPrefix}${CANDIDATES_PANEL_TOPIC.name}`).start();
    await seedOrg(this.feed).flush();
    await waitFor(
      async () =>
        (await this.db.collection('org_directory_positions').findOne({ _id: 'zone-coordinator:Z1' as never }))
          ?.memberId === 'zc1' &&
        (await this.db.collection('org_directory_areas').countDocuments()) === 12 &&
        (await this.db.collection('org_directory_members').countDocuments()) === 9 &&
        (await this.db.collection('org_directory_positions').countDocuments()) === 4,
      { what: 'org-directory applied', timeoutMs: 30_000 },
    );
  }

  async stop(): Promise<void> {
    await this.probe?.stop();
    await this.feed.stop();
    await this.app?.close();
  }

  http() {
    return request(this.app.getHttpServer());
  }

  auth(person: Person): string {
    return bearer(PEOPLE[person]);
  }

  /** Published events, parsed. */
  events(type?: string): { eventId: string; type: string; payload: Record<string, unknown> }[] {
    return this.probe.messages
      .map((m) => JSON.parse(m.value) as { eventId: string; type: string; payload: Record<string, unknown> })
      .filter((e) => !type || e.type === type);
  }
}
