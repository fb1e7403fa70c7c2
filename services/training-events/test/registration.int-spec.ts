import { TRAINING_PARTICIPANT_TOPIC } from '@sangathan/contracts';
import { waitFor } from '@sangathan/testing';
import { admin, as, centralLs1Programme, DAY, itCellProgramme, TrainingHarness } from './training-harness';

describe('training registration: seats, waitlist, declines and who may answer an invitation', () => {
  const h = new TrainingHarness('training-registration');
  let session: string;

  beforeAll(async () => {
    await h.start();
    session = (await h.programmeWithSessions(centralLs1Programme())).sessions[0].id;
  });
  afterAll(() => h.stop());

  it('seats members up to capacity and waitlists the rest instead of failing', async () => {
    const r1 = await h.http
      .post(`/sessions/${session}/registrations`)
      .set('Authorization', as('m1', ['it-cell'], 'S-1', ['IN', 'UP', 'Z1', 'D1', 'AC-1', 'M-1']))
      .send({})
      .expect(200);
    const r2 = await h.http
      .post(`/sessions/${session}/registrations`)
      .set('Authorization', admin)
      .send({ memberId: 'm2' })
      .expect(200);
    const r3 = await h.http
      .post(`/sessions/${session}/registrations`)
      .set('Authorization', admin)
      .send({ memberId: 'm3' })
      .expect(200);
    expect([r1.body.status, r2.body.status, r3.body.status]).toEqual([
      'registered',
      'registered',
      'waitlisted',
    ]);
    expect((await h.http.get(`/sessions/${session}`).set('Authorization', admin)).body.registeredCount).toBe(
      2,
    );
  });

  it('gives a freed seat to the waitlist when someone declines', async () => {
    await h.http
      .post(`/sessions/${session}/declines`)
      .set('Authorization', admin)
      .send({ memberId: 'm1' })
      .expect(200);
    const m3 = await h.http
      .get(`/sessions/${session}/participants/m3`)
      .set('Authorization', admin)
      .expect(200);
    expect(m3.body.status).toBe('registered');
    await waitFor(
      () =>
        h
          .events(TRAINING_PARTICIPANT_TOPIC.name, 'training.participant.registered')
          .some((e) => e.payload.memberId === 'm3' && e.payload.promoted === true),
      {
        what: 'promotion event',
      },
    );
  });

  it('refuses registration of someone not invited', async () => {
    const res = await h.http
      .post(`/sessions/${session}/registrations`)
      .set('Authorization', admin)
      .send({ memberId: 'm5' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_INVITED');
  });

  it('lets a member act only on their own invitation', async () => {
    const res = await h.http
      .post(`/sessions/${session}/registrations`)
      .set('Authorization', as('m4', ['booth-worker'], 'S-3', ['IN', 'UP']))
      .send({ memberId: 'm2' });
    expect(res.status).toBe(403);
  });

  it('closes registration once the session has started', async () => {
    const past = Date.now() - 3 * DAY;
    const res = await h.http
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
        (await h.http.get(`/programmes/${res.body.id}`).set('Authorization', admin)).body.materialisation ===
        'done',
      { what: 'materialisation' },
    );
    const session = (await h.http.get(`/programmes/${res.body.id}/sessions`).set('Authorization', admin)).body
      .items[0].id;
    const late = await h.http
      .post(`/sessions/${session}/registrations`)
      .set('Authorization', admin)
      .send({ memberId: 'm4' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('REGISTRATION_CLOSED');
  });
});
