import { TRAINING_SESSION_TOPIC } from '@sangathan/contracts';
import { waitFor } from '@sangathan/testing';
import { pdfText } from './pdf-text';
import {
  admin,
  arranged,
  as,
  centralLs1Programme,
  lateJoiner,
  seedOrg,
  TrainingHarness,
} from './training-harness';

describe('training completion: pass score, feedback, certificates, holding and the turnout report', () => {
  const h = new TrainingHarness('training-completion');
  let central: { id: string };
  /** The central LS-1 session: invited m1, m2, m3, m9; m1 declined; m2 and m3 registered and checked in. */
  let session: string;

  beforeAll(async () => {
    await h.start((feed) => lateJoiner(seedOrg(feed)));
    await waitFor(
      async () =>
        (await h.db.collection('known_positions').findOne({ _id: 'it-cell-sector:S-1B' as never }))
          ?.memberId === 'm9',
      { what: 'late joiner applied' },
    );
    const created = await h.programmeWithSessions(centralLs1Programme());
    central = created.programme;
    session = created.sessions[0].id;
    await h.rsvpsOfCentralSession(session);
    await h.startNow(session);
    for (const memberId of ['m2', 'm3'])
      await arranged(
        h.http.post(`/sessions/${session}/check-ins`).set('Authorization', admin).send({ memberId }),
        200,
      );
  });
  afterAll(() => h.stop());

  it('enforces the pass score on completion, then records it', async () => {
    const low = await h.http
      .post(`/sessions/${session}/completions`)
      .set('Authorization', admin)
      .send({ memberId: 'm2', score: 30 });
    expect(low.status).toBe(400);
    expect(low.body.error.code).toBe('BELOW_PASS_SCORE');
    const absent = await h.http
      .post(`/sessions/${session}/completions`)
      .set('Authorization', admin)
      .send({ memberId: 'm1', score: 90 });
    expect(absent.status).toBe(409);
    const ok = await h.http
      .post(`/sessions/${session}/completions`)
      .set('Authorization', admin)
      .send({ memberId: 'm2', score: 82 })
      .expect(200);
    expect(ok.body).toMatchObject({ score: 82, completedAt: expect.any(String) });
  });

  it('stores Devanagari feedback NFC-normalised, once', async () => {
    const m2 = as('m2', ['it-cell'], 'M-1', ['IN', 'UP', 'Z1', 'D1', 'AC-1']);
    const decomposed = 'बहुत अच्छा प्रशिक्षण ड\u093c'; // ड + nukta: canonical composition keeps it, NFC must be stable
    const res = await h.http
      .post(`/sessions/${session}/feedback`)
      .set('Authorization', m2)
      .send({ rating: 5, comment: `  ${decomposed}  ` })
      .expect(201);
    expect(res.body.comment).toBe(decomposed.normalize('NFC'));
    const again = await h.http
      .post(`/sessions/${session}/feedback`)
      .set('Authorization', m2)
      .send({ rating: 4 });
    expect(again.status).toBe(409);
    const bad = await h.http
      .post(`/sessions/${session}/feedback`)
      .set('Authorization', as('m3', ['it-cell'], 'AC-2', ['IN', 'UP']))
      .send({ rating: 9 });
    expect(bad.status).toBe(400);
  });

  it('issues a real PDF certificate carrying the attendee’s name', async () => {
    const res = await h.http
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
    const notDone = await h.http
      .get(`/sessions/${session}/participants/m3/certificate`)
      .set('Authorization', admin);
    expect(notDone.status).toBe(409);
  });

  it('holds the session, freezes turnout and publishes session.held with counts', async () => {
    const res = await h.http.post(`/sessions/${session}/hold`).set('Authorization', admin).expect(200);
    expect(res.body.turnout).toMatchObject({
      invitedCount: 4,
      registeredCount: 2,
      attendedCount: 2,
      walkInCount: 0,
      completedCount: 1,
    });
    await waitFor(
      () =>
        h
          .events(TRAINING_SESSION_TOPIC.name, 'training.session.held')
          .find((e) => e.payload.sessionId === session),
      { what: 'held event' },
    );
    const held = h
      .events(TRAINING_SESSION_TOPIC.name, 'training.session.held')
      .find((e) => e.payload.sessionId === session)!;
    expect(held.payload).toMatchObject({
      areaId: 'LS-1',
      target: 3,
      attendedCount: 2,
      turnoutRatio: 0.6667,
    });
    const late = await h.http
      .post(`/sessions/${session}/check-ins`)
      .set('Authorization', admin)
      .send({ memberId: 'm1' });
    expect(late.status).toBe(409);
  });

  it('reports turnout against target and who was invited and never came', async () => {
    const report = await h.http
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
    const noShows = await h.http
      .get(`/programmes/${central.id}/no-shows`)
      .set('Authorization', admin)
      .expect(200);
    expect(noShows.body.items.map((p: { memberId: string }) => p.memberId)).toEqual(['m1', 'm9']); // m1 declined, m9 never answered
  });
});
