import { TRAINING_PARTICIPANT_TOPIC } from '@sangathan/contracts';
import { waitFor } from '@sangathan/testing';
import { admin, as, centralLs1Programme, itCellProgramme, TrainingHarness } from './training-harness';

describe('training check-in: list, QR, walk-ins, time window and scope', () => {
  const h = new TrainingHarness('training-check-in');
  /** The central LS-1 session, with m2 and m3 registered and m1 declined. */
  let session: string;
  /** The per-seat programme's sessions (LS-1, LS-2). */
  let sessions: { id: string; areaId: string; target: number }[];

  beforeAll(async () => {
    await h.start();
    session = (await h.programmeWithSessions(centralLs1Programme())).sessions[0].id;
    await h.rsvpsOfCentralSession(session);
    sessions = (await h.programmeWithSessions(itCellProgramme())).sessions;
  });
  afterAll(() => h.stop());

  it('refuses check-in and holding while the session is two days away, and writes nothing', async () => {
    const early = await h.http
      .post(`/sessions/${session}/check-ins`)
      .set('Authorization', admin)
      .send({ memberId: 'm2' })
      .expect(409);
    expect(early.body.error.code).toBe('CHECK_IN_NOT_OPEN');
    const hold = await h.http.post(`/sessions/${session}/hold`).set('Authorization', admin).expect(409);
    expect(hold.body.error.code).toBe('SESSION_NOT_STARTED');
    expect(
      await h.db.collection('participants').countDocuments({ sessionId: session, attendedAt: { $ne: null } }),
    ).toBe(0);
    expect((await h.http.get(`/sessions/${session}`).set('Authorization', admin)).body.status).toBe(
      'scheduled',
    );
    expect(
      h
        .events(TRAINING_PARTICIPANT_TOPIC.name, 'training.attendance.recorded')
        .filter((e) => e.payload.sessionId === session),
    ).toHaveLength(0);
  });

  it('checks in from the list and by QR, and answers a double scan without a second event', async () => {
    await h.startNow(session);
    await h.http
      .post(`/sessions/${session}/check-ins`)
      .set('Authorization', admin)
      .send({ memberId: 'm2' })
      .expect(200);
    const token = (
      await h.http
        .get(`/sessions/${session}/participants/m3/qr-token`)
        .set('Authorization', admin)
        .expect(200)
    ).body.token;
    const qr = await h.http
      .post(`/sessions/${session}/check-ins`)
      .set('Authorization', admin)
      .send({ qrToken: token })
      .expect(200);
    expect(qr.body).toMatchObject({
      alreadyCheckedIn: false,
      participant: { memberId: 'm3', checkInMethod: 'qr' },
    });
    const again = await h.http
      .post(`/sessions/${session}/check-ins`)
      .set('Authorization', admin)
      .send({ qrToken: token })
      .expect(200);
    expect(again.body.alreadyCheckedIn).toBe(true);
    await waitFor(
      () =>
        h
          .events(TRAINING_PARTICIPANT_TOPIC.name, 'training.attendance.recorded')
          .filter((e) => e.payload.sessionId === session).length >= 2,
      { what: 'attendance events' },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      h
        .events(TRAINING_PARTICIPANT_TOPIC.name, 'training.attendance.recorded')
        .filter((e) => e.payload.sessionId === session && e.payload.memberId === 'm3'),
    ).toHaveLength(1);
  });

  it('refuses a forged QR token and an uninvited member when walk-ins are not allowed', async () => {
    const forged = await h.http
      .post(`/sessions/${session}/check-ins`)
      .set('Authorization', admin)
      .send({ qrToken: 'bTE.xxxxxxxxxxxxxxxxxxxxxx' });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('INVALID_QR_TOKEN');
    const walkIn = await h.http
      .post(`/sessions/${session}/check-ins`)
      .set('Authorization', admin)
      .send({ memberId: 'm5' });
    expect(walkIn.status).toBe(409);
    expect(walkIn.body.error.code).toBe('NOT_INVITED');
    expect(await h.db.collection('participants').countDocuments({ sessionId: session, memberId: 'm5' })).toBe(
      0,
    );
  });

  it('admits walk-ins where the session allows them', async () => {
    await h.db
      .collection('sessions')
      .updateOne({ _id: sessions[1].id as never }, { $set: { allowWalkIns: true } });
    await h.startNow(sessions[1].id);
    // m7 lives in M-3, under assembly AC-3, which belongs to Lok Sabha seat LS-2; no position, so not invited.
    const res = await h.http
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
    const res = await h.http
      .post(`/sessions/${sessions[1].id}/check-ins`)
      .set('Authorization', admin)
      .send({ memberId })
      .expect(400);
    expect(res.body.error).toMatchObject({ code, details: [{ field: 'memberId' }] });
    expect(
      await h.db.collection('participants').countDocuments({ sessionId: sessions[1].id, memberId }),
    ).toBe(0);
  });

  it('refuses check-in to a booth worker and to an organiser of another area', async () => {
    const boothWorker = as('m4', ['booth-worker'], 'S-3', ['IN', 'UP', 'Z1', 'D2', 'AC-3', 'M-3']);
    expect(
      (
        await h.http
          .post(`/sessions/${sessions[0].id}/check-ins`)
          .set('Authorization', boothWorker)
          .send({ memberId: 'm1' })
      ).status,
    ).toBe(403);
    const otherState = as('x1', ['state-leader'], 'BR', ['IN']);
    expect(
      (
        await h.http
          .post(`/sessions/${sessions[0].id}/check-ins`)
          .set('Authorization', otherState)
          .send({ memberId: 'm1' })
      ).status,
    ).toBe(403);
    expect((await h.http.get(`/sessions/${sessions[0].id}`).set('Authorization', otherState)).status).toBe(
      403,
    );
  });
});
