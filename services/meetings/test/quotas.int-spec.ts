import {
  createEvent,
  MemberJoinedV1,
  PositionAssignedV1,
  QuotaMissedV1,
  type EventDefinition,
  type EventEnvelope,
} from '@sangathan/contracts';
import { OpenApiResponses, produceRaw, TopicProbe, waitFor, type OpenApiDocument } from '@sangathan/testing';
import request from 'supertest';
import { toOutboxEntry } from '@sangathan/messaging';
import {
  QUOTA_EVALUATION_REPOSITORY,
  type QuotaEvaluationRepositoryPort,
} from '../src/modules/quotas/application/ports/quota-evaluation.repository.port';
import { buildExifJpeg } from './support/exif-jpeg';
import { inMinutes, LKO_PRESIDENT, startMeetings, STATE_LEADER, TREE, type Harness } from './support/harness';

const istDay = (iso: string) => new Date(new Date(iso).getTime() + 330 * 60_000).toISOString().slice(0, 10);
const exifTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 330 * 60_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ')
    .replace(/-/g, ':');

describe('daily quotas and compliance (roster from org.member.events)', () => {
  let h: Harness;
  let quotaProbe: TopicProbe;
  const server = () => request(h.app.getHttpServer());
  const ancestorsOf = (areaId: string) => TREE.find((a) => a.id === areaId)!.ancestors;

  async function publishOrg<P>(definition: EventDefinition<P>, key: string, payload: P): Promise<void> {
    const event = createEvent(definition, payload, {
      producer: 'org',
      areaId: 'UP',
      areaPath: ['IN'],
      actorId: null,
      correlationId: 'test',
    });
    await produceRaw(`${h.topicPrefix}${definition.topic}`, [
      {
        key,
        value: JSON.stringify(event),
        headers: { 'event-type': event.type, 'event-version': '1', 'event-id': event.eventId },
      },
    ]);
  }

  const joined = (memberId: string, areaId: string) =>
    publishOrg(MemberJoinedV1, memberId, {
      memberId,
      name: `Name of ${memberId}`,
      nameAlt: null,
      kind: 'office-bearer',
      status: 'active',
      areaId,
      ancestors: ancestorsOf(areaId),
      joinedAt: new Date().toISOString(),
    });
  const assigned = (
    memberId: string,
    type: 'assembly-incharge' | 'sector-incharge' | 'district-incharge',
    areaId: string,
  ) =>
    publishOrg(PositionAssignedV1, memberId, {
      positionId: `${type}:${areaId}`,
      type,
      areaId,
      ancestors: ancestorsOf(areaId),
      itTeam: null,
      memberId,
      previousHolderId: null,
      since: new Date().toISOString(),
    });

  beforeAll(async () => {
    h = await startMeetings('mtg-quota');
    quotaProbe = await new TopicProbe(`${h.topicPrefix}meetings.quota.events`).start();
    for (const [id, area] of [
      ['inc-a', 'AC-173'],
      ['inc-b', 'M-1'],
      ['inc-c', 'D-LKO'],
      ['inc-agra', 'D-AGRA'],
      ['member-m1', 'M-1'],
    ] as const)
      await joined(id, area);
    await assigned('inc-a', 'assembly-incharge', 'AC-173');
    await assigned('inc-b', 'sector-incharge', 'M-1');
    await assigned('inc-c', 'district-incharge', 'D-LKO');
    await assigned('inc-agra', 'district-incharge', 'D-AGRA');
    await waitFor(
      async () =>
        (await h.db.collection('known_members').countDocuments({ 'positions.0': { $exists: true } })) === 4,
      { what: 'roster from org events' },
    );
  });

  afterAll(async () => {
    await quotaProbe?.stop();
    await h?.close();
  });

  async function heldMeetings(organiserId: string, n: number, withPhotos: boolean): Promise<string> {
    const start = inMinutes(-90);
    // Schedule all first, then hold them: a write waits for the relay to publish the meeting's
    // previous events (docs/meetings.md), which by then it has.
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await server()
        .post('/meetings')
        .set('Authorization', h.auth(LKO_PRESIDENT))
        .send({
          kind: 'daily-small',
          title: `${organiserId} #${i}`,
          areaId: 'AC-173',
          organiserId,
          scheduledStart: start,
          scheduledEnd: inMinutes(-30),
        })
        .expect(201);
      ids.push(res.body.id as string);
    }
    await Promise.all(
      ids.map((id) =>
        server()
          .post(`/meetings/${id}/held`)
          .set('Authorization', h.auth(LKO_PRESIDENT))
          .send({ start, end: inMinutes(-30), headcount: 5 })
          .expect(200),
      ),
    );
    if (withPhotos) {
      await Promise.all(
        ids.map((id) =>
          server()
            .post(`/meetings/${id}/photos`)
            .set('Authorization', h.auth(LKO_PRESIDENT))
            .attach('photo', buildExifJpeg({ dateTimeOriginal: exifTime(start) }), {
              filename: 'p.jpg',
              contentType: 'image/jpeg',
            })
            .expect(201),
        ),
      );
    }
    return istDay(start);
  }

  it('places a roster member as an attendee without being told their area, and refuses one from another district', async () => {
    const id = (
      await server()
        .post('/meetings')
        .set('Authorization', h.auth(LKO_PRESIDENT))
        .send({
          kind: 'review',
          title: 'r',
          areaId: 'D-LKO',
          scheduledStart: inMinutes(-60),
          scheduledEnd: inMinutes(-10),
        })
        .expect(201)
    ).body.id;
    const res = await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        start: inMinutes(-60),
        end: inMinutes(-10),
        attendees: [{ memberId: 'member-m1' }, { memberId: 'inc-agra' }],
      })
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'ATTENDEE_OUTSIDE_AREA' });
    const ok = await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ start: inMinutes(-60), end: inMinutes(-10), attendees: [{ memberId: 'member-m1' }] })
      .expect(200);
    expect(ok.body.attendees[0]).toMatchObject({ memberId: 'member-m1', areaId: 'M-1' });
    const unknown = await server()
      .post(`/meetings/${id}/attendance`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ attendees: [{ memberId: 'ghost' }] })
      .expect(400);
    expect(unknown.body.error.code).toBe('INVALID_ATTENDEES');
  });

  it('reports who met the daily quota, who fell short and who sent no photos, and publishes quota-missed once', async () => {
    const day = await heldMeetings('inc-a', 4, true);
    await heldMeetings('inc-b', 4, false);

    const report = await server()
      .get('/quotas/compliance')
      .query({ areaId: 'D-LKO', from: day, to: day })
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(report.body.summary).toEqual({ holders: 3, metQuota: 1, fellShort: 2, sentNoPhotos: 1 });
    const contract = await OpenApiResponses.of(
      (await server().get('/docs/openapi.json').expect(200)).body as OpenApiDocument,
    );
    expect(contract.problems('get', '/quotas/compliance', report)).toEqual([]);
    expect(report.body.metQuota).toEqual([
      { memberId: 'inc-a', name: 'Name of inc-a', positionType: 'assembly-incharge', areaId: 'AC-173' },
    ]);
    expect(
      report.body.fellShort.map((p: { memberId: string; name: string }) => [p.memberId, p.name]).sort(),
    ).toEqual([
      ['inc-b', 'Name of inc-b'],
      ['inc-c', 'Name of inc-c'],
    ]);
    expect(report.body.sentNoPhotos).toEqual([
      { memberId: 'inc-b', name: 'Name of inc-b', positionType: 'sector-incharge', areaId: 'M-1' },
    ]);
    const b = report.body.holders.find((x: { memberId: string }) => x.memberId === 'inc-b');
    expect(b.days[0]).toMatchObject({ held: 4, withPhoto: 0, outcome: 'no-photos' });

    const first = await server()
      .post('/quotas/evaluations')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ day, areaId: 'D-LKO' })
      .expect(200);
    expect(first.body).toEqual({ evaluated: 3, missed: 2, alreadyDone: 0 });
    const again = await server()
      .post('/quotas/evaluations')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ day, areaId: 'D-LKO' })
      .expect(200);
    expect(again.body).toEqual({ evaluated: 3, missed: 0, alreadyDone: 3 });

    const events = await waitFor(() => (quotaProbe.messages.length >= 2 ? quotaProbe.messages : undefined), {
      what: 'quota-missed events',
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(quotaProbe.messages).toHaveLength(2);
    const byMember = Object.fromEntries(
      events.map((m) => [m.key, JSON.parse(m.value) as EventEnvelope<Record<string, unknown>>]),
    );
    expect(byMember['inc-b'].payload).toMatchObject({
      day,
      shortfall: 'no-photos',
      heldCount: 4,
      requiredMeetings: 4,
      role: 'sector-incharge',
    });
    expect(byMember['inc-c'].payload).toMatchObject({
      shortfall: 'short',
      heldCount: 0,
      role: 'district-incharge',
    });
  });

  it('lets leadership change a position type’s quota and refuses others', async () => {
    await server()
      .put('/quota-rules/sector-incharge')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ minMeetings: 2, targetMeetings: 3 })
      .expect(403);
    const bad = await server()
      .put('/quota-rules/sector-incharge')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ minMeetings: 5, targetMeetings: 3 })
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    await server()
      .put('/quota-rules/sector-incharge')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ minMeetings: 2, targetMeetings: 3, photoRequired: false })
      .expect(200);
    const day = istDay(inMinutes(-90));
    const report = await server()
      .get('/quotas/compliance')
      .query({ areaId: 'M-1', from: day, to: day })
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(report.body.metQuota.map((p: { memberId: string }) => p.memberId)).toEqual(['inc-b']);
  });

  it('records an evaluation once when the same holder and day is written twice at the same moment, with its event once', async () => {
    const repository = h.app.get<QuotaEvaluationRepositoryPort>(QUOTA_EVALUATION_REPOSITORY);
    const evaluation = {
      id: 'race-1:sector-incharge:2026-01-05',
      memberId: 'race-1',
      positionType: 'sector-incharge',
      areaId: 'M-1',
      ancestors: ancestorsOf('M-1'),
      day: '2026-01-05',
      outcome: 'short' as const,
      held: 1,
      withVerifiedPhoto: 0,
      evaluatedAt: new Date(),
    };
    const event = (n: number) =>
      toOutboxEntry(
        createEvent(
          QuotaMissedV1,
          {
            memberId: 'race-1',
            role: 'sector-incharge',
            areaId: 'M-1',
            ancestors: ancestorsOf('M-1'),
            day: '2026-01-05',
            requiredMeetings: 4,
            photoRequired: true,
            heldCount: n,
            withVerifiedPhotoCount: 0,
            withPhotoCount: 0,
            shortfall: 'short',
          },
          { producer: 'meetings', areaId: 'M-1', areaPath: ['IN'], actorId: null, correlationId: 'race' },
        ),
        QuotaMissedV1.topic,
        'race-1',
      );

    // Both writes pass the existence check before either inserts (two replicas): the fixed id keeps one.
    const recorded = await repository.recordNew([
      { evaluation, events: [event(1)] },
      { evaluation: { ...evaluation, held: 2 }, events: [event(2)] },
    ]);

    expect([...recorded]).toEqual([evaluation.id]);
    const stored = await h.db.collection('quota_evaluations').find({ memberId: 'race-1' }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ held: 1 });
    await waitFor(
      async () => {
        const events = quotaProbe.messages
          .filter((m) => m.key === 'race-1')
          .map((m) => JSON.parse(m.value) as EventEnvelope<{ heldCount: number }>);
        return events.length === 1 && events[0].payload.heldCount === 1;
      },
      { what: 'the one quota-missed event of the recorded evaluation', timeoutMs: 30_000 },
    );
  });
});
