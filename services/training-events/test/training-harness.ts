import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import {
  TRAINING_PARTICIPANT_TOPIC,
  TRAINING_PROGRAMME_TOPIC,
  TRAINING_SESSION_TOPIC,
} from '@sangathan/contracts';
import { bearer, isolateTest, NATIONAL_ADMIN, TopicProbe, waitFor } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { TRAINING_SERVICE_DESCRIPTION } from '../src/service';
import { OrgFeed } from './org-fixtures';

export const DAY = 24 * 3600_000;
export const admin = bearer(NATIONAL_ADMIN);
export const as = (sub: string, roles: Principal['roles'], areaId: string, areaPath: string[]) =>
  bearer({ sub, roles, areaId, areaPath });

/**
 * Org hierarchy used throughout: two Lok Sabha seats under UP; their assembly seats sit under
 * districts and point at their seat with `lokSabhaId` (so invitations must follow the cross-link).
 */
export function seedOrg(feed: OrgFeed): OrgFeed {
  return feed
    .area('IN', 'national', null)
    .area('UP', 'state', 'IN', { nameHi: 'उत्तर प्रदेश' })
    .area('Z1', 'zone', 'UP')
    .area('D1', 'district', 'Z1')
    .area('D2', 'district', 'Z1')
    .area('LS-1', 'lok-sabha', 'UP', { boothCount: 1000, voterCount: 1_500_000 })
    .area('LS-2', 'lok-sabha', 'UP', { boothCount: 2000, voterCount: 2_000_000 })
    .area('AC-1', 'assembly', 'D1', { lokSabhaId: 'LS-1' })
    .area('AC-2', 'assembly', 'D2', { lokSabhaId: 'LS-1' })
    .area('AC-3', 'assembly', 'D2', { lokSabhaId: 'LS-2' })
    .area('M-1', 'mandal', 'AC-1', { lokSabhaId: 'LS-1' })
    .area('M-3', 'mandal', 'AC-3', { lokSabhaId: 'LS-2' })
    .area('S-1', 'sector', 'M-1', { lokSabhaId: 'LS-1' })
    .area('S-3', 'sector', 'M-3', { lokSabhaId: 'LS-2' })
    .member('m1', 'राम कुमार', 'Ram Kumar', 'S-1')
    .member('m2', 'Sita Devi', 'सीता देवी', 'M-1')
    .member('m3', 'Arjun Singh', null, 'AC-2')
    .member('m4', 'Meena Yadav', null, 'S-3')
    .member('m5', 'Dinesh Verma', null, 'D1')
    .member('m6', 'Inactive Ivan', null, 'AC-3')
    .member('m7', 'Old Holder', null, 'M-3')
    .member('m8', 'New Holder', null, 'M-3')
    .assign('it-cell-sector', 'S-1', 'm1')
    .assign('it-cell-mandal', 'M-1', 'm2')
    .assign('it-cell-assembly', 'AC-2', 'm3')
    .assign('it-cell-sector', 'S-3', 'm4')
    .assign('district-president', 'D1', 'm5')
    .assign('it-cell-assembly', 'AC-3', 'm6')
    .deactivate('m6', 'Inactive Ivan', 'AC-3')
    .assign('it-cell-mandal', 'M-3', 'm7')
    .vacate('it-cell-mandal', 'M-3', 'm7', 'm8')
    .assign('it-cell-mandal', 'M-3', 'm8');
}

/** Someone who takes up an audience position in LS-1 (sector S-1B) after the first programme. */
export const lateJoiner = (feed: OrgFeed): OrgFeed =>
  feed
    .area('S-1B', 'sector', 'M-1', { lokSabhaId: 'LS-1' })
    .member('m9', 'Late Joiner', null, 'S-1B')
    .assign('it-cell-sector', 'S-1B', 'm9');

/** The IT-cell programme: one session per Lok Sabha seat of UP, targets scaled by booths. */
export function itCellProgramme(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    title: 'IT-cell meetings in every Lok Sabha seat',
    titleHi: 'हर लोकसभा सीट में आईटी सेल बैठक',
    rootAreaId: 'UP',
    windowStart: new Date(now + DAY).toISOString(),
    windowEnd: new Date(now + 12 * DAY).toISOString(),
    audience: {
      positions: ['it-cell-sector', 'it-cell-mandal', 'it-cell-assembly'],
      areaLevels: ['sector', 'mandal', 'assembly'],
    },
    sessionPlan: { kind: 'per-area', level: 'lok-sabha' },
    targetRule: { kind: 'scaled', basis: 'booths', min: 2500, max: 5000 },
    schedule: {
      firstSessionAt: new Date(now + 2 * DAY).toISOString(),
      durationMinutes: 180,
      sessionsPerDay: 1,
    },
    ...overrides,
  };
}

/** The data-management session for LS-1: one central session, 2 seats, pass score 50. */
export const centralLs1Programme = () =>
  itCellProgramme({
    title: 'Data management for LS-1',
    titleHi: null,
    sessionPlan: { kind: 'central', areaId: 'LS-1' },
    targetRule: { kind: 'fixed', value: 3 },
    schedule: {
      firstSessionAt: new Date(Date.now() + 2 * DAY).toISOString(),
      capacity: 2,
      allowWalkIns: false,
    },
    passScore: 50,
  });

type Published = { eventId: string; type: string; payload: Record<string, unknown> };
type Http = ReturnType<typeof request>;

/** Arrange steps fail loudly with the answer they got (they assert nothing about the behaviour under test). */
export async function arranged<B = Record<string, unknown>>(
  call: PromiseLike<{ status: number; body: unknown }>,
  status: number,
): Promise<B> {
  const res = await call;
  if (res.status !== status)
    throw new Error(`arrange step answered ${res.status}, not ${status}: ${JSON.stringify(res.body)}`);
  return res.body as B;
}

/**
 * The training service against the real broker and database, isolated under `name`, with the org
 * hierarchy applied through org's topics and probes on training's own topics.
 */
export class TrainingHarness {
  readonly isolation: ReturnType<typeof isolateTest>;
  readonly feed: OrgFeed;
  app!: INestApplication;
  db!: Connection;
  http!: Http;
  private readonly probes: Record<string, TopicProbe> = {};

  constructor(name: string) {
    this.isolation = isolateTest(name);
    // After the isolation: the feed's connection takes the test's topic prefix when it is made.
    this.feed = new OrgFeed();
  }

  async start(seed: (feed: OrgFeed) => OrgFeed = seedOrg): Promise<void> {
    process.env.MONGODB_DB = this.isolation.dbName('training');
    process.env.TRAINING_RESUME_INTERVAL_MS = '500';
    await this.feed.start();
    this.app = await createServiceApp(AppModule, TRAINING_SERVICE_DESCRIPTION);
    await this.app.init();
    delete process.env.MONGODB_DB;
    this.http = request(this.app.getHttpServer());
    this.db = this.app.get<Connection>(getConnectionToken());
    await waitFor(async () => (await request(this.app.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'readiness',
      timeoutMs: 45_000,
    });
    for (const topic of [TRAINING_PROGRAMME_TOPIC, TRAINING_SESSION_TOPIC, TRAINING_PARTICIPANT_TOPIC]) {
      this.probes[topic.name] = await new TopicProbe(`${this.isolation.topicPrefix}${topic.name}`).start();
    }
    await seed(this.feed).flush();
    await waitFor(
      async () =>
        (await this.db.collection('known_positions').findOne({ _id: 'it-cell-mandal:M-3' as never }))
          ?.memberId === 'm8',
      { what: 'org events applied', timeoutMs: 30_000 },
    );
    await waitFor(async () => (await this.db.collection('known_areas').countDocuments()) >= 14, {
      what: 'areas applied',
      timeoutMs: 30_000,
    });
    await waitFor(
      async () =>
        (await this.db.collection('known_members').findOne({ _id: 'm6' as never }))?.status === 'inactive',
      { what: 'deactivation applied' },
    );
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.probes).map((p) => p.stop()));
    await this.feed.stop();
    await this.app?.close();
  }

  /** Events published on one of training's topics (optionally of one type), decoded. */
  events(topic: string, type?: string): Published[] {
    return this.probes[topic].messages
      .map((m) => JSON.parse(m.value) as Published)
      .filter((e) => !type || e.type === type);
  }

  /** The session begins: its start moves to a few minutes ago (a test cannot wait the days until it). */
  startNow(sessionId: string) {
    return this.db
      .collection('sessions')
      .updateOne({ _id: sessionId as never }, { $set: { startsAt: new Date(Date.now() - 5 * 60_000) } });
  }

  async materialised(programmeId: string): Promise<void> {
    await waitFor(
      async () =>
        (await this.http.get(`/programmes/${programmeId}`).set('Authorization', admin)).body
          .materialisation === 'done',
      { what: 'materialisation' },
    );
  }

  /** Creates a programme and waits until its invitations are written; answers it with its sessions. */
  async programmeWithSessions(body: Record<string, unknown>): Promise<{
    programme: { id: string; sessionCount: number; totalTarget: number };
    sessions: { id: string; areaId: string; target: number }[];
  }> {
    const programme = await arranged<{ id: string; sessionCount: number; totalTarget: number }>(
      this.http.post('/programmes').set('Authorization', admin).send(body),
      201,
    );
    await this.materialised(programme.id);
    const { items: sessions } = await arranged<{ items: { id: string; areaId: string; target: number }[] }>(
      this.http.get(`/programmes/${programme.id}/sessions`).set('Authorization', admin),
      200,
    );
    return { programme, sessions };
  }

  /**
   * The RSVPs of the central LS-1 session as the registration use case leaves them: m1 registered
   * herself, m2 and m3 through an organiser (m3 waitlisted: 2 seats), then m1 declined and m3 took her seat.
   */
  async rsvpsOfCentralSession(session: string): Promise<void> {
    const m1 = as('m1', ['it-cell'], 'S-1', ['IN', 'UP', 'Z1', 'D1', 'AC-1', 'M-1']);
    await arranged(
      this.http.post(`/sessions/${session}/registrations`).set('Authorization', m1).send({}),
      200,
    );
    for (const memberId of ['m2', 'm3'])
      await arranged(
        this.http.post(`/sessions/${session}/registrations`).set('Authorization', admin).send({ memberId }),
        200,
      );
    await arranged(
      this.http.post(`/sessions/${session}/declines`).set('Authorization', admin).send({ memberId: 'm1' }),
      200,
    );
  }
}
