import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Principal } from '@sangathan/auth';
import { createServiceApp } from '@sangathan/bootstrap';
import {
  createEvent,
  TRAINING_PARTICIPANT_TOPIC,
  TRAINING_PROGRAMME_TOPIC,
  TRAINING_SESSION_TOPIC,
  TrainingParticipantInvitedV1,
} from '@sangathan/contracts';
import { toOutboxEntry } from '@sangathan/messaging';
import { bearer, isolateTest, NATIONAL_ADMIN, TopicProbe, waitFor } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { inflateSync } from 'node:zlib';
import { AppModule } from '../src/app.module';
import { InvitationService } from '../src/modules/training/application/invitation.service';
import { TRAINING_SERVICE_DESCRIPTION } from '../src/service';
import { OrgFeed } from './org-fixtures';

const DAY = 24 * 3600_000;
const admin = bearer(NATIONAL_ADMIN);
const as = (sub: string, roles: Principal['roles'], areaId: string, areaPath: string[]) =>
  bearer({ sub, roles, areaId, areaPath });

/**
 * Org hierarchy used throughout: two Lok Sabha seats under UP; their assembly seats sit under
 * districts and point at their seat with `lokSabhaId` (so invitations must follow the cross-link).
 */
function seedOrg(feed: OrgFeed): OrgFeed {
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

function itCellProgramme(overrides: Record<string, unknown> = {}) {
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

/** Text drawn with pdfkit's standard fonts: inflate each content stream and decode its hex strings. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of body.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      text +=
        [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1], 'hex').toString('latin1'))
          .join('') + '\n';
    }
  }
  return text;
}

describe('training-events against the real broker and database', () => {
  const isolation = isolateTest('training');
  const feed = new OrgFeed();
  let app: INestApplication;
  let db: Connection;
  let http: ReturnType<typeof request>;
  const probes: Record<string, TopicProbe> = {};
  let programme: { id: string; sessionCount: number; totalTarget: number };
  let sessions: { id: string; areaId: string; target: number }[];
  let createBody: ReturnType<typeof itCellProgramme>;

  /** The session begins: its start moves to a few minutes ago (a test cannot wait the days until it). */
  const startNow = (sessionId: string) =>
    db
      .collection('sessions')
      .updateOne({ _id: sessionId as never }, { $set: { startsAt: new Date(Date.now() - 5 * 60_000) } });
  const events = (topic: string, type?: string) =>
    probes[topic].messages
      .map((m) => JSON.parse(m.value) as { eventId: string; type: string; payload: Record<string, unknown> })
      .filter((e) => !type || e.type === type);

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName('training');
    process.env.TRAINING_RESUME_INTERVAL_MS = '500';
    await feed.start();
    app = await createServiceApp(AppModule, TRAINING_SERVICE_DESCRIPTION);
    await app.init();
    delete process.env.MONGODB_DB;
    http = request(app.getHttpServer());
    db = app.get<Connection>(getConnectionToken());
    await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'readiness',
      timeoutMs: 45_000,
    });
    for (const topic of [TRAINING_PROGRAMME_TOPIC, TRAINING_SESSION_TOPIC, TRAINING_PARTICIPANT_TOPIC]) {
      probes[topic.name] = await new TopicProbe(`${isolation.topicPrefix}${topic.name}`).start();
    }
    await seedOrg(feed).flush();
    await waitFor(
      async () =>
        (await db.collection('known_positions').findOne({ _id: 'it-cell-mandal:M-3' as never }))?.memberId ===
        'm8',
      {
        what: 'org events applied',
        timeoutMs: 30_000,
      },
    );
    await waitFor(async () => (await db.collection('known_areas').countDocuments()) >= 14, {
      what: 'areas applied',
      timeoutMs: 30_000,
    });
    await waitFor(
      async () =>
        (await db.collection('known_members').findOne({ _id: 'm6' as never }))?.status === 'inactive',
      { what: 'deactivation applied' },
    );
  });

  afterAll(async () => {
    await Promise.all(Object.values(probes).map((p) => p.stop()));
    await feed.stop();
    await app?.close();
  });

  describe('programme generation', () => {
    it('generates one session per Lok Sabha seat with targets scaled by booth count', async () => {
      createBody = itCellProgramme();
      const res = await http
        .post('/programmes')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'create-it-cell-1')
        .send(createBody);
      expect(res.status).toBe(201);
      programme = res.body;
      expect(programme).toMatchObject({
        sessionCount: 2,
        totalTarget: 7500,
        rootAreaId: 'UP',
        titleHi: 'हर लोकसभा सीट में आईटी सेल बैठक',
      });
      const list = await http
        .get(`/programmes/${programme.id}/sessions`)
        .set('Authorization', admin)
        .expect(200);
      sessions = list.body.items;
      expect(sessions.map((s) => [s.areaId, s.target])).toEqual([
        ['LS-1', 2500],
        ['LS-2', 5000],
      ]);
    });

    it('replays the same Idempotency-Key without creating a second programme', async () => {
      const again = await http
        .post('/programmes')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'create-it-cell-1')
        .send(createBody);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(programme.id);
      const reused = await http
        .post('/programmes')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'create-it-cell-1')
        .send({ ...createBody, title: 'Other' });
      expect(reused.status).toBe(422);
      expect(await db.collection('programmes').countDocuments()).toBe(1);
    });

    it('invites the audience of each seat through the assembly cross-link, skipping inactive and replaced holders', async () => {
      await waitFor(
        async () =>
          (await http.get(`/programmes/${programme.id}`).set('Authorization', admin)).body.materialisation ===
          'done',
        { what: 'materialisation' },
      );
      const invitees = async (sessionId: string) =>
        (
          (await http.get(`/sessions/${sessionId}/participants`).set('Authorization', admin).expect(200)).body
            .items as { memberId: string }[]
        )
          .map((p) => p.memberId)
          .sort();
      expect(await invitees(sessions[0].id)).toEqual(['m1', 'm2', 'm3']);
      expect(await invitees(sessions[1].id)).toEqual(['m4', 'm8']);
      expect((await http.get(`/programmes/${programme.id}`).set('Authorization', admin)).body).toMatchObject({
        invitedCount: 5,
        sessionsInvited: 2,
      });
    });

    it('carries each chunk’s invited events on one invitation batch, emptied once published, not on the participants', async () => {
      const batches = db.collection<{ _id: string; eventCount: number }>('invitation_batches');
      const written = await batches.find({ programmeId: programme.id }).toArray();
      expect(written.map((b) => [b._id, b.eventCount]).sort()).toEqual([
        [`${sessions[0].id}#0`, 3],
        [`${sessions[1].id}#0`, 2],
      ]);
      await waitFor(
        async () =>
          (await batches.countDocuments({ programmeId: programme.id, 'outbox.0': { $exists: true } })) === 0,
        { what: 'batches published' },
      );
      const invitee = await db.collection('participants').findOne({ _id: `${sessions[1].id}~m4` as never });
      expect(invitee).toMatchObject({ outbox: [], invitationBatchId: `${sessions[1].id}#0` });
    });

    it('publishes programme.created, one session.scheduled per session and one invited event per invitee', async () => {
      await waitFor(
        () => events(TRAINING_PARTICIPANT_TOPIC.name, 'training.participant.invited').length >= 5,
        { what: 'invited events' },
      );
      expect(events(TRAINING_PROGRAMME_TOPIC.name, 'training.programme.created')).toHaveLength(1);
      const scheduled = events(TRAINING_SESSION_TOPIC.name, 'training.session.scheduled');
      expect(scheduled.map((e) => [e.payload.areaId, e.payload.target]).sort()).toEqual([
        ['LS-1', 2500],
        ['LS-2', 5000],
      ]);
      expect(events(TRAINING_PARTICIPANT_TOPIC.name, 'training.participant.invited')).toHaveLength(5);
    });

    it('invites someone who takes up an audience position after the programme was created', async () => {
      await feed
        .area('S-1B', 'sector', 'M-1', { lokSabhaId: 'LS-1' })
        .member('m9', 'Late Joiner', null, 'S-1B')
        .assign('it-cell-sector', 'S-1B', 'm9')
        .flush();
      const joined = await waitFor(
        async () => {
          const res = await http
            .get(`/sessions/${sessions[0].id}/participants/m9`)
            .set('Authorization', admin);
          return res.status === 200 ? res.body : undefined;
        },
        { what: 'late invitation' },
      );
      expect(joined).toMatchObject({ status: 'invited', positionId: 'it-cell-sector:S-1B' });
      expect(
        (await http.get(`/sessions/${sessions[1].id}/participants/m9`).set('Authorization', admin)).status,
      ).toBe(404);
    });

    it('pages sessions with a cursor', async () => {
      const first = await http
        .get(`/programmes/${programme.id}/sessions?limit=1`)
        .set('Authorization', admin)
        .expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await http
        .get(`/programmes/${programme.id}/sessions?limit=1&cursor=${first.body.nextCursor}`)
        .set('Authorization', admin)
        .expect(200);
      expect(second.body.items[0].areaId).toBe('LS-2');
      expect(second.body.nextCursor).toBeNull();
      await http
        .get(`/programmes/${programme.id}/sessions?cursor=%%%`)
        .set('Authorization', admin)
        .expect(400);
    });
  });

  describe('bad input writes nothing', () => {
    const expectError = async (body: Record<string, unknown>, code: string) => {
      const before = await db.collection('programmes').countDocuments();
      const res = await http.post('/programmes').set('Authorization', admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code, message: expect.any(String), details: expect.any(Array) });
      expect(await db.collection('programmes').countDocuments()).toBe(before);
    };

    it('refuses an audience that matches nobody', () =>
      expectError(
        itCellProgramme({ audience: { positions: ['booth-president'], areaLevels: ['booth'] } }),
        'AUDIENCE_MATCHES_NOBODY',
      ));

    it('refuses audience positions that cannot exist at the audience levels', () =>
      expectError(
        itCellProgramme({ audience: { positions: ['it-cell-sector'], areaLevels: ['district'] } }),
        'AUDIENCE_MATCHES_NOBODY',
      ));

    it('refuses sessions that would fall outside the window', () =>
      expectError(
        itCellProgramme({
          schedule: { firstSessionAt: new Date(Date.now() + 11.95 * DAY).toISOString(), sessionsPerDay: 1 },
        }),
        'SESSION_OUTSIDE_WINDOW',
      ));

    it('refuses an unknown position type', () =>
      expectError(
        itCellProgramme({ audience: { positions: ['chief-wizard'], areaLevels: ['sector'] } }),
        'UNKNOWN_POSITION',
      ));

    it('refuses a malformed body field by field', () =>
      expectError(itCellProgramme({ targetRule: { kind: 'scaled', basis: 'booths' } }), 'VALIDATION_FAILED'));

    it('refuses rescheduling outside the programme window', async () => {
      const res = await http
        .patch(`/sessions/${sessions[0].id}/schedule`)
        .set('Authorization', admin)
        .send({
          startsAt: new Date(Date.now() + 20 * DAY).toISOString(),
          endsAt: new Date(Date.now() + 20.1 * DAY).toISOString(),
        });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('SESSION_OUTSIDE_WINDOW');
    });
  });

  describe('registration, waitlist and check-in', () => {
    let central: { id: string };
    let session: string;

    beforeAll(async () => {
      const res = await http
        .post('/programmes')
        .set('Authorization', admin)
        .send(
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
          }),
        )
        .expect(201);
      central = res.body;
      await waitFor(
        async () =>
          (await http.get(`/programmes/${central.id}`).set('Authorization', admin)).body.materialisation ===
          'done',
        { what: 'materialisation' },
      );
      session = (await http.get(`/programmes/${central.id}/sessions`).set('Authorization', admin)).body
        .items[0].id;
    });

    it('seats members up to capacity and waitlists the rest instead of failing', async () => {
      const r1 = await http
        .post(`/sessions/${session}/registrations`)
        .set('Authorization', as('m1', ['it-cell'], 'S-1', ['IN', 'UP', 'Z1', 'D1', 'AC-1', 'M-1']))
        .send({})
        .expect(200);
      const r2 = await http
        .post(`/sessions/${session}/registrations`)
        .set('Authorization', admin)
        .send({ memberId: 'm2' })
        .expect(200);
      const r3 = await http
        .post(`/sessions/${session}/registrations`)
        .set('Authorization', admin)
        .send({ memberId: 'm3' })
        .expect(200);
      expect([r1.body.status, r2.body.status, r3.body.status]).toEqual([
        'registered',
        'registered',
        'waitlisted',
      ]);
      expect((await http.get(`/sessions/${session}`).set('Authorization', admin)).body.registeredCount).toBe(
        2,
      );
    });

    it('gives a freed seat to the waitlist when someone declines', async () => {
      await http
        .post(`/sessions/${session}/declines`)
        .set('Authorization', admin)
        .send({ memberId: 'm1' })
        .expect(200);
      const m3 = await http
        .get(`/sessions/${session}/participants/m3`)
        .set('Authorization', admin)
        .expect(200);
      expect(m3.body.status).toBe('registered');
      await waitFor(
        () =>
          events(TRAINING_PARTICIPANT_TOPIC.name, 'training.participant.registered').some(
            (e) => e.payload.memberId === 'm3' && e.payload.promoted === true,
          ),
        {
          what: 'promotion event',
        },
      );
    });

    it('refuses registration of someone not invited', async () => {
      const res = await http
        .post(`/sessions/${session}/registrations`)
        .set('Authorization', admin)
        .send({ memberId: 'm5' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('NOT_INVITED');
    });

    it('lets a member act only on their own invitation', async () => {
      const res = await http
        .post(`/sessions/${session}/registrations`)
        .set('Authorization', as('m4', ['booth-worker'], 'S-3', ['IN', 'UP']))
        .send({ memberId: 'm2' });
      expect(res.status).toBe(403);
    });

    it('refuses check-in and holding while the session is two days away, and writes nothing', async () => {
      const early = await http
        .post(`/sessions/${session}/check-ins`)
        .set('Authorization', admin)
        .send({ memberId: 'm2' })
        .expect(409);
      expect(early.body.error.code).toBe('CHECK_IN_NOT_OPEN');
      const hold = await http.post(`/sessions/${session}/hold`).set('Authorization', admin).expect(409);
      expect(hold.body.error.code).toBe('SESSION_NOT_STARTED');
      expect(
        await db.collection('participants').countDocuments({ sessionId: session, attendedAt: { $ne: null } }),
      ).toBe(0);
      expect((await http.get(`/sessions/${session}`).set('Authorization', admin)).body.status).toBe(
        'scheduled',
      );
      expect(
        events(TRAINING_PARTICIPANT_TOPIC.name, 'training.attendance.recorded').filter(
          (e) => e.payload.sessionId === session,
        ),
      ).toHaveLength(0);
    });

    it('checks in from the list and by QR, and answers a double scan without a second event', async () => {
      await startNow(session);
      await http
        .post(`/sessions/${session}/check-ins`)
        .set('Authorization', admin)
        .send({ memberId: 'm2' })
        .expect(200);
      const token = (
        await http
          .get(`/sessions/${session}/participants/m3/qr-token`)
          .set('Authorization', admin)
          .expect(200)
      ).body.token;
      const qr = await http
        .post(`/sessions/${session}/check-ins`)
        .set('Authorization', admin)
        .send({ qrToken: token })
        .expect(200);
      expect(qr.body).toMatchObject({
        alreadyCheckedIn: false,
        participant: { memberId: 'm3', checkInMethod: 'qr' },
      });
      const again = await http
        .post(`/sessions/${session}/check-ins`)
        .set('Authorization', admin)
        .send({ qrToken: token })
        .expect(200);
      expect(again.body.alreadyCheckedIn).toBe(true);
      await waitFor(
        () =>
          events(TRAINING_PARTICIPANT_TOPIC.name, 'training.attendance.recorded').filter(
            (e) => e.payload.sessionId === session,
          ).length >= 2,
        { what: 'attendance events' },
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(
        events(TRAINING_PARTICIPANT_TOPIC.name, 'training.attendance.recorded').filter(
          (e) => e.payload.sessionId === session && e.payload.memberId === 'm3',
        ),
      ).toHaveLength(1);
    });

    it('refuses a forged QR token and an uninvited member when walk-ins are not allowed', async () => {
      const forged = await http
        .post(`/sessions/${session}/check-ins`)
        .set('Authorization', admin)
        .send({ qrToken: 'bTE.xxxxxxxxxxxxxxxxxxxxxx' });
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe('INVALID_QR_TOKEN');
      const walkIn = await http
        .post(`/sessions/${session}/check-ins`)
        .set('Authorization', admin)
        .send({ memberId: 'm5' });
      expect(walkIn.status).toBe(409);
      expect(walkIn.body.error.code).toBe('NOT_INVITED');
      expect(await db.collection('participants').countDocuments({ sessionId: session, memberId: 'm5' })).toBe(
        0,
      );
    });

    it('admits walk-ins where the session allows them', async () => {
      await db
        .collection('sessions')
        .updateOne({ _id: sessions[1].id as never }, { $set: { allowWalkIns: true } });
      await startNow(sessions[1].id);
      // m7 lives in M-3, under assembly AC-3, which belongs to Lok Sabha seat LS-2; no position, so not invited.
      const res = await http
        .post(`/sessions/${sessions[1].id}/check-ins`)
        .set('Authorization', admin)
        .send({ memberId: 'm7' })
        .expect(200);
      expect(res.body.participant).toMatchObject({ walkIn: true, status: 'walk-in', name: 'Old Holder' });
    });

    it.each([
      ['no-such-member', 'UNKNOWN_MEMBER'],
      ['m5', 'MEMBER_OUTSIDE_SESSION_AREA'], // district D1: not in LS-2
      ['m6', 'MEMBER_NOT_ACTIVE'],
    ])('refuses the walk-in %s (%s) and writes nothing', async (memberId, code) => {
      const res = await http
        .post(`/sessions/${sessions[1].id}/check-ins`)
        .set('Authorization', admin)
        .send({ memberId })
        .expect(400);
      expect(res.body.error).toMatchObject({ code, details: [{ field: 'memberId' }] });
      expect(
        await db.collection('participants').countDocuments({ sessionId: sessions[1].id, memberId }),
      ).toBe(0);
    });

    it('enforces the pass score on completion, then records it', async () => {
      const low = await http
        .post(`/sessions/${session}/completions`)
        .set('Authorization', admin)
        .send({ memberId: 'm2', score: 30 });
      expect(low.status).toBe(400);
      expect(low.body.error.code).toBe('BELOW_PASS_SCORE');
      const absent = await http
        .post(`/sessions/${session}/completions`)
        .set('Authorization', admin)
        .send({ memberId: 'm1', score: 90 });
      expect(absent.status).toBe(409);
      const ok = await http
        .post(`/sessions/${session}/completions`)
        .set('Authorization', admin)
        .send({ memberId: 'm2', score: 82 })
        .expect(200);
      expect(ok.body).toMatchObject({ score: 82, completedAt: expect.any(String) });
    });

    it('stores Devanagari feedback NFC-normalised, once', async () => {
      const m2 = as('m2', ['it-cell'], 'M-1', ['IN', 'UP', 'Z1', 'D1', 'AC-1']);
      const decomposed = 'बहुत अच्छा प्रशिक्षण ड\u093c'; // ड + nukta: canonical composition keeps it, NFC must be stable
      const res = await http
        .post(`/sessions/${session}/feedback`)
        .set('Authorization', m2)
        .send({ rating: 5, comment: `  ${decomposed}  ` })
        .expect(201);
      expect(res.body.comment).toBe(decomposed.normalize('NFC'));
      const again = await http
        .post(`/sessions/${session}/feedback`)
        .set('Authorization', m2)
        .send({ rating: 4 });
      expect(again.status).toBe(409);
      const bad = await http
        .post(`/sessions/${session}/feedback`)
        .set('Authorization', as('m3', ['it-cell'], 'AC-2', ['IN', 'UP']))
        .send({ rating: 9 });
      expect(bad.status).toBe(400);
    });

    it('issues a real PDF certificate carrying the attendee’s name', async () => {
      const res = await http
        .get(`/sessions/${session}/participants/m2/certificate`)
        .set('Authorization', admin)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const pdf = res.body as Buffer;
      expect(res.headers['content-type']).toMatch(/application\/pdf/);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
      expect(pdfText(pdf)).toContain('Sita Devi');
      expect(pdf.toString('latin1')).toMatch(/NotoSansDevanagari/); // the Hindi name is drawn in an embedded Devanagari font
      const notDone = await http
        .get(`/sessions/${session}/participants/m3/certificate`)
        .set('Authorization', admin);
      expect(notDone.status).toBe(409);
    });

    it('holds the session, freezes turnout and publishes session.held with counts', async () => {
      const res = await http.post(`/sessions/${session}/hold`).set('Authorization', admin).expect(200);
      expect(res.body.turnout).toMatchObject({
        invitedCount: 4,
        registeredCount: 2,
        attendedCount: 2,
        walkInCount: 0,
        completedCount: 1,
      });
      await waitFor(
        () =>
          events(TRAINING_SESSION_TOPIC.name, 'training.session.held').find(
            (e) => e.payload.sessionId === session,
          ),
        { what: 'held event' },
      );
      const held = events(TRAINING_SESSION_TOPIC.name, 'training.session.held').find(
        (e) => e.payload.sessionId === session,
      )!;
      expect(held.payload).toMatchObject({
        areaId: 'LS-1',
        target: 3,
        attendedCount: 2,
        turnoutRatio: 0.6667,
      });
      const late = await http
        .post(`/sessions/${session}/check-ins`)
        .set('Authorization', admin)
        .send({ memberId: 'm1' });
      expect(late.status).toBe(409);
    });

    it('reports turnout against target and who was invited and never came', async () => {
      const report = await http
        .get(`/programmes/${central.id}/report`)
        .set('Authorization', admin)
        .expect(200);
      expect(report.body.sessions).toMatchObject({ total: 1, held: 1 });
      expect(report.body.totals).toMatchObject({ target: 3, attended: 2, turnoutRatio: 0.6667 });
      expect(report.body.byArea[0]).toMatchObject({ attended: 2, declined: 1 });
      expect(report.body.rollup.find((r: { areaId: string }) => r.areaId === 'UP')).toMatchObject({
        target: 3,
        attended: 2,
      });
      const noShows = await http
        .get(`/programmes/${central.id}/no-shows`)
        .set('Authorization', admin)
        .expect(200);
      expect(noShows.body.items.map((p: { memberId: string }) => p.memberId)).toEqual(['m1', 'm9']); // m1 declined, m9 never answered
    });
  });

  describe('registration windows and scope', () => {
    it('closes registration once the session has started', async () => {
      const past = Date.now() - 3 * DAY;
      const res = await http
        .post('/programmes')
        .set('Authorization', admin)
        .send(
          itCellProgramme({
            title: 'Already running',
            titleHi: null,
            windowStart: new Date(past).toISOString(),
            windowEnd: new Date(past + 10 * DAY).toISOString(),
            sessionPlan: { kind: 'central', areaId: 'LS-2' },
            targetRule: { kind: 'fixed', value: 10 },
            schedule: { firstSessionAt: new Date(past + DAY).toISOString() },
          }),
        )
        .expect(201);
      await waitFor(
        async () =>
          (await http.get(`/programmes/${res.body.id}`).set('Authorization', admin)).body.materialisation ===
          'done',
        { what: 'materialisation' },
      );
      const session = (await http.get(`/programmes/${res.body.id}/sessions`).set('Authorization', admin)).body
        .items[0].id;
      const late = await http
        .post(`/sessions/${session}/registrations`)
        .set('Authorization', admin)
        .send({ memberId: 'm4' });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('REGISTRATION_CLOSED');
    });

    it('refuses programme creation above the caller’s area', async () => {
      const districtPresident = as('m5', ['district-president'], 'D1', ['IN', 'UP', 'Z1']);
      const res = await http
        .post('/programmes')
        .set('Authorization', districtPresident)
        .send(itCellProgramme());
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    });

    it('refuses check-in to a booth worker and to an organiser of another area', async () => {
      const boothWorker = as('m4', ['booth-worker'], 'S-3', ['IN', 'UP', 'Z1', 'D2', 'AC-3', 'M-3']);
      expect(
        (
          await http
            .post(`/sessions/${sessions[0].id}/check-ins`)
            .set('Authorization', boothWorker)
            .send({ memberId: 'm1' })
        ).status,
      ).toBe(403);
      const otherState = as('x1', ['state-leader'], 'BR', ['IN']);
      expect(
        (
          await http
            .post(`/sessions/${sessions[0].id}/check-ins`)
            .set('Authorization', otherState)
            .send({ memberId: 'm1' })
        ).status,
      ).toBe(403);
      expect((await http.get(`/sessions/${sessions[0].id}`).set('Authorization', otherState)).status).toBe(
        403,
      );
    });

    it('shows a district reader only the sessions and rollups inside their district', async () => {
      const d2 = as('r1', ['district-president'], 'D2', ['IN', 'UP', 'Z1']);
      const res = await http.get(`/programmes/${programme.id}/report`).set('Authorization', d2).expect(200);
      expect(res.body.scoped).toBe(true);
      expect(res.body.byArea).toEqual([]); // Lok Sabha seats hang under the state, outside a district's subtree
      const upRead = as('r2', ['state-leader'], 'UP', ['IN']);
      const full = await http
        .get(`/programmes/${programme.id}/report`)
        .set('Authorization', upRead)
        .expect(200);
      expect(full.body.byArea.map((r: { areaId: string }) => r.areaId)).toEqual(['LS-1', 'LS-2']);
    });

    it('cancels a session and leaves its target out of the report', async () => {
      await http
        .post(`/sessions/${sessions[1].id}/cancel`)
        .set('Authorization', admin)
        .send({ reason: 'flood' })
        .expect(200);
      const report = await http
        .get(`/programmes/${programme.id}/report`)
        .set('Authorization', admin)
        .expect(200);
      expect(report.body.totals.target).toBe(2500);
      await waitFor(() => events(TRAINING_SESSION_TOPIC.name, 'training.session.cancelled').length === 1, {
        what: 'cancelled event',
      });
    });
  });

  describe('invitation batches', () => {
    const ctx = { actorId: null, correlationId: 'resume-test' };
    const place = {
      _id: 'RESUME-P.LS-2',
      programmeId: 'RESUME-P',
      areaId: 'LS-2',
      ancestors: ['IN', 'UP'],
      startsAt: new Date(Date.now() + 2 * DAY),
    };
    const invitee = (memberId: string) => ({
      memberId,
      name: `वर्कर ${memberId}`,
      nameAlt: null,
      positionId: `it-cell-sector:S-${memberId}`,
      memberAreaId: 'S-3',
    });
    const batch = (id: string) =>
      db.collection<{ _id: string; eventCount: number }>('invitation_batches').findOne({ _id: id });

    it('re-running a chunk adds nothing, and completes a chunk whose batch an interrupted run never wrote', async () => {
      const writer = app.get(InvitationService);
      expect(await writer.invite(place, [invitee('r1'), invitee('r2')], 'RESUME-P.LS-2#0', ctx)).toBe(2);
      expect((await batch('RESUME-P.LS-2#0'))?.eventCount).toBe(2);
      // As if the run had stopped after inserting r1 and r2 but before writing their batch.
      await db.collection('invitation_batches').deleteOne({ _id: 'RESUME-P.LS-2#0' as never });

      expect(
        await writer.invite(place, [invitee('r1'), invitee('r2'), invitee('r3')], 'RESUME-P.LS-2#0', ctx),
      ).toBe(1);
      expect((await batch('RESUME-P.LS-2#0'))?.eventCount).toBe(3);
      expect(
        await writer.invite(place, [invitee('r1'), invitee('r2'), invitee('r3')], 'RESUME-P.LS-2#0', ctx),
      ).toBe(0);
      expect((await batch('RESUME-P.LS-2#0'))?.eventCount).toBe(3);
      // r1 already belongs to batch #0: another batch does not announce it again.
      expect(await writer.invite(place, [invitee('r1')], 'RESUME-P.LS-2#1', ctx)).toBe(0);
      expect(await batch('RESUME-P.LS-2#1')).toBeNull();
      expect(await db.collection('participants').countDocuments({ sessionId: 'RESUME-P.LS-2' })).toBe(3);
    });

    it('publishes a participant’s invited event before its registration while its batch is still unpublished', async () => {
      const res = await http
        .post('/programmes')
        .set('Authorization', admin)
        .send(
          itCellProgramme({
            title: 'Order check LS-2',
            sessionPlan: { kind: 'central', areaId: 'LS-2' },
            targetRule: { kind: 'fixed', value: 2 },
          }),
        )
        .expect(201);
      await waitFor(
        async () =>
          (await http.get(`/programmes/${res.body.id}`).set('Authorization', admin)).body.materialisation ===
          'done',
        { what: 'materialisation' },
      );
      const sessionId = `${res.body.id}.LS-2`;
      const participantId = `${sessionId}~m4`;
      // A batch the relay has not reached yet: due only in an hour.
      const invited = createEvent(
        TrainingParticipantInvitedV1,
        {
          programmeId: res.body.id,
          sessionId,
          areaId: 'LS-2',
          participantId,
          memberId: 'm4',
          positionId: 'it-cell-sector:S-3',
          memberAreaId: 'S-3',
          startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
          invitedAt: new Date().toISOString(),
        },
        {
          producer: 'training-events',
          areaId: 'LS-2',
          areaPath: ['IN', 'UP'],
          actorId: null,
          correlationId: 'order-test',
        },
      );
      await db.collection('invitation_batches').insertOne({
        _id: 'ORDER-TEST#0' as never,
        sessionId,
        programmeId: res.body.id,
        eventCount: 1,
        createdAt: new Date(),
        outbox: [toOutboxEntry(invited, TrainingParticipantInvitedV1.topic, participantId)],
        outboxDueAt: new Date(Date.now() + 3600_000),
      });
      await db
        .collection('participants')
        .updateOne({ _id: participantId as never }, { $set: { invitationBatchId: 'ORDER-TEST#0' } });

      await http
        .post(`/sessions/${sessionId}/registrations`)
        .set('Authorization', admin)
        .send({ memberId: 'm4' })
        .expect(200);

      const ofParticipant = () =>
        events(TRAINING_PARTICIPANT_TOPIC.name).filter((e) => e.payload.participantId === participantId);
      await waitFor(() => ofParticipant().some((e) => e.type === 'training.participant.registered'), {
        what: 'registered event',
      });
      const order = ofParticipant().map((e) => e.eventId);
      const registered = ofParticipant().find((e) => e.type === 'training.participant.registered')!;
      expect(order.indexOf(invited.eventId)).toBe(order.indexOf(registered.eventId) - 1);
      expect(await db.collection('participants').findOne({ _id: participantId as never })).toMatchObject({
        invitationBatchId: null,
        status: 'registered',
      });
    });
  });
});
