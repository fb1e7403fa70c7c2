import {
  TRAINING_PARTICIPANT_TOPIC,
  TRAINING_PROGRAMME_TOPIC,
  TRAINING_SESSION_TOPIC,
} from '@sangathan/contracts';
import { waitFor } from '@sangathan/testing';
import { admin, as, DAY, itCellProgramme, TrainingHarness } from './training-harness';

describe('training programmes and sessions: generation, paging, bad input, scope and cancellation', () => {
  const h = new TrainingHarness('training-programmes');
  let programme: { id: string; sessionCount: number; totalTarget: number };
  let sessions: { id: string; areaId: string; target: number }[];
  let createBody: ReturnType<typeof itCellProgramme>;

  beforeAll(() => h.start());
  afterAll(() => h.stop());

  describe('programme generation', () => {
    it('generates one session per Lok Sabha seat with targets scaled by booth count', async () => {
      createBody = itCellProgramme();
      const res = await h.http
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
      const list = await h.http
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
      const again = await h.http
        .post('/programmes')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'create-it-cell-1')
        .send(createBody);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(programme.id);
      const reused = await h.http
        .post('/programmes')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'create-it-cell-1')
        .send({ ...createBody, title: 'Other' });
      expect(reused.status).toBe(422);
      expect(await h.db.collection('programmes').countDocuments()).toBe(1);
    });

    it('publishes programme.created, one session.scheduled per session and one invited event per invitee', async () => {
      await waitFor(
        () => h.events(TRAINING_PARTICIPANT_TOPIC.name, 'training.participant.invited').length >= 5,
        { what: 'invited events' },
      );
      expect(h.events(TRAINING_PROGRAMME_TOPIC.name, 'training.programme.created')).toHaveLength(1);
      const scheduled = h.events(TRAINING_SESSION_TOPIC.name, 'training.session.scheduled');
      expect(scheduled.map((e) => [e.payload.areaId, e.payload.target]).sort()).toEqual([
        ['LS-1', 2500],
        ['LS-2', 5000],
      ]);
      expect(h.events(TRAINING_PARTICIPANT_TOPIC.name, 'training.participant.invited')).toHaveLength(5);
    });

    it('pages sessions with a cursor', async () => {
      const first = await h.http
        .get(`/programmes/${programme.id}/sessions?limit=1`)
        .set('Authorization', admin)
        .expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await h.http
        .get(`/programmes/${programme.id}/sessions?limit=1&cursor=${first.body.nextCursor}`)
        .set('Authorization', admin)
        .expect(200);
      expect(second.body.items[0].areaId).toBe('LS-2');
      expect(second.body.nextCursor).toBeNull();
      await h.http
        .get(`/programmes/${programme.id}/sessions?cursor=%%%`)
        .set('Authorization', admin)
        .expect(400);
    });
  });

  describe('bad input writes nothing', () => {
    const expectError = async (body: Record<string, unknown>, code: string) => {
      const before = await h.db.collection('programmes').countDocuments();
      const res = await h.http.post('/programmes').set('Authorization', admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code, message: expect.any(String), details: expect.any(Array) });
      expect(await h.db.collection('programmes').countDocuments()).toBe(before);
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
      const res = await h.http
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

  describe('scope, cancellation and the report', () => {
    it('refuses programme creation above the caller’s area', async () => {
      const districtPresident = as('m5', ['district-president'], 'D1', ['IN', 'UP', 'Z1']);
      const res = await h.http
        .post('/programmes')
        .set('Authorization', districtPresident)
        .send(itCellProgramme());
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    });

    it('shows a district reader only the sessions and rollups inside their district', async () => {
      const d2 = as('r1', ['district-president'], 'D2', ['IN', 'UP', 'Z1']);
      const res = await h.http.get(`/programmes/${programme.id}/report`).set('Authorization', d2).expect(200);
      expect(res.body.scoped).toBe(true);
      expect(res.body.byArea).toEqual([]); // Lok Sabha seats hang under the state, outside a district's subtree
      const upRead = as('r2', ['state-leader'], 'UP', ['IN']);
      const full = await h.http
        .get(`/programmes/${programme.id}/report`)
        .set('Authorization', upRead)
        .expect(200);
      expect(full.body.byArea.map((r: { areaId: string }) => r.areaId)).toEqual(['LS-1', 'LS-2']);
    });

    it('cancels a session and leaves its target out of the report', async () => {
      await h.http
        .post(`/sessions/${sessions[1].id}/cancel`)
        .set('Authorization', admin)
        .send({ reason: 'flood' })
        .expect(200);
      const report = await h.http
        .get(`/programmes/${programme.id}/report`)
        .set('Authorization', admin)
        .expect(200);
      expect(report.body.totals.target).toBe(2500);
      await waitFor(() => h.events(TRAINING_SESSION_TOPIC.name, 'training.session.cancelled').length === 1, {
        what: 'cancelled event',
      });
    });
  });
});
