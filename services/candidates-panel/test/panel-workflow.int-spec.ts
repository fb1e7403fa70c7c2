import { OpenApiResponses, waitFor, type OpenApiDocument } from '@sangathan/testing';
import { FieldCipher } from '../src/modules/panels/infrastructure/field-cipher';
import { KeyRotation } from '../src/modules/panels/infrastructure/key-rotation';
import { DeadlineSweepJob } from '../src/modules/panels/jobs/deadline-sweep.job';
import { KEY_1, KEY_2, PanelHarness, type Person } from './panel-harness';

const DAY = 24 * 3600_000;
const CYCLE = 'LS-2029';

/** Everything confidential the test writes; none of it may be stored in clear or leave the service. */
const SECRET = {
  memberName: 'राम प्रकाश यादव',
  memberName2: 'Sunita Verma',
  outsiderName: 'कविता सिंह Kavita Singh',
  outsiderPhone: '+919812345678',
  profile: 'PROFILE-MARK पूर्व प्रधान',
  rationale1: 'RATIONALE-ONE मजबूत जनाधार',
  rationale2: 'RATIONALE-TWO संगठन में पकड़',
  rationale3: 'RATIONALE-THREE युवा चेहरा',
  feedbackText: 'FEEDBACK-SECRET बहुत अच्छा काम किया है',
  comments: 'RETURN-NOTE और नाम देखें',
};
const secrets = Object.values(SECRET);
const rawSecrets = [...secrets, '9812345678', 'Ram Prakash', 'Sunita', 'Kavita'];

const ratings = (w: number, o: number, p: number, l: number) => ({
  winnability: w,
  organisationalStrength: o,
  publicImage: p,
  loyalty: l,
});

describe('candidates-panel against the real broker and database', () => {
  const h = new PanelHarness();
  const ids: Record<string, string> = {};

  const post = (person: Person, path: string, body: object = {}) =>
    h.http().post(path).set('Authorization', h.auth(person)).send(body);
  const get = (person: Person, path: string) => h.http().get(path).set('Authorization', h.auth(person));
  const rawPanel = (id: string) => h.db.collection('panels').findOne({ _id: id as never });
  const feedbackBody = (prospectId: string, r = ratings(4, 4, 4, 4), text: string | null = null) => ({
    prospectId,
    source: 'worker',
    ratings: r,
    text,
  });

  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  describe('the whole workflow', () => {
    it('opens a panel for a Lok Sabha seat, owned by the coordinator of the zone holding its segments', async () => {
      const res = await post('zc1', '/panels', {
        cycleId: 'ls-2029',
        seatId: 'ls-1',
        deadline: new Date(Date.now() + 7 * DAY).toISOString(),
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        cycleId: CYCLE,
        seatId: 'LS-1',
        zoneId: 'Z1',
        ownerId: 'zc1',
        status: 'open',
      });
      ids.ls1 = res.body.id;
      expect(res.body.history).toEqual([expect.objectContaining({ from: null, to: 'open', by: 'zc1' })]);
      await expectDocumented('post', '/panels', res);
    });

    it('adds prospects: members of the zone by id, and an outsider by name and E.164 phone', async () => {
      const m1 = await post('zc1', `/panels/${ids.ls1}/prospects`, {
        kind: 'member',
        memberId: 'm1',
        profile: SECRET.profile,
        pastResults: [
          { year: 2021, election: 'local', seat: 'AC-1', outcome: 'won', votes: 5400, marginVotes: 900 },
        ],
      });
      expect(m1.status).toBe(201);
      expect(m1.body).toMatchObject({ kind: 'member', memberId: 'm1', name: SECRET.memberName, phone: null });
      ids.p1 = m1.body.id;
      const m2 = await post('zc1', `/panels/${ids.ls1}/prospects`, { kind: 'member', memberId: 'm2' });
      expect(m2.status).toBe(201);
      ids.p2 = m2.body.id;
      const outsider = await post('zc1', `/panels/${ids.ls1}/prospects`, {
        kind: 'outsider',
        name: SECRET.outsiderName,
        phone: SECRET.outsiderPhone,
      });
      expect(outsider.status).toBe(201);
      expect(outsider.body).toMatchObject({ name: SECRET.outsiderName, phone: SECRET.outsiderPhone });
      ids.p3 = outsider.body.id;
      await expectDocumented('post', '/panels/{panelId}/prospects', outsider);
    });

    it('designates collectors, which starts collection', async () => {
      const res = await post('zc1', `/panels/${ids.ls1}/collectors`, { memberIds: ['col1'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'collecting', collectorIds: ['col1'] });
    });

    it('lets a designated collector record feedback and get only a receipt back', async () => {
      const first = await post(
        'collector',
        `/panels/${ids.ls1}/feedback`,
        feedbackBody(ids.p1, ratings(5, 4, 4, 5), SECRET.feedbackText),
      );
      expect(first.status).toBe(201);
      expect(Object.keys(first.body).sort()).toEqual(['id', 'panelId', 'prospectId', 'recordedAt']);
      await expectDocumented('post', '/panels/{panelId}/feedback', first);
      expect(
        (await post('collector', `/panels/${ids.ls1}/feedback`, feedbackBody(ids.p1, ratings(3, 4, 2, 5))))
          .status,
      ).toBe(201);
      expect(
        (await post('zc1', `/panels/${ids.ls1}/feedback`, feedbackBody(ids.p2, ratings(4, 3, 3, 3)))).status,
      ).toBe(201);
    });

    it('never shows a collector the panel or the feedback', async () => {
      expect((await get('collector', `/panels/${ids.ls1}`)).status).toBe(403);
      expect((await get('collector', `/panels/${ids.ls1}/feedback`)).status).toBe(403);
      expect((await get('collector', `/panels/${ids.ls1}/prospects/${ids.p1}`)).status).toBe(403);
      expect((await get('collector', `/panels/${ids.ls1}/aggregates`)).status).toBe(403);
    });

    it('shows the coordinator the panel with aggregates per prospect (count, mean, spread, recency)', async () => {
      const res = await get('zc1', `/panels/${ids.ls1}`);
      expect(res.status).toBe(200);
      await expectDocumented('get', '/panels/{panelId}', res);
      const p1 = res.body.aggregates.find((a: { prospectId: string }) => a.prospectId === ids.p1);
      expect(p1).toMatchObject({
        count: 2,
        criteria: {
          winnability: { mean: 4, spread: 1 },
          organisationalStrength: { mean: 4, spread: 0 },
          publicImage: { mean: 3, spread: 1 },
          loyalty: { mean: 5, spread: 0 },
        },
      });
      expect(p1.lastRecordedAt).toEqual(expect.any(String));
      expect(res.body.aggregates.find((a: { prospectId: string }) => a.prospectId === ids.p3).count).toBe(0);
      const feedback = await get('zc1', `/panels/${ids.ls1}/feedback?prospectId=${ids.p1}`);
      expect(feedback.status).toBe(200);
      expect(feedback.body.items.map((f: { text: string | null }) => f.text)).toEqual([
        SECRET.feedbackText,
        null,
      ]);
    });

    it('refuses a submission of fewer than 2 or a proposal of more than 3 names, changing nothing', async () => {
      const one = await post('zc1', `/panels/${ids.ls1}/proposal`, {
        entries: [{ prospectId: ids.p1, rationale: SECRET.rationale1 }],
      });
      expect(one.status).toBe(200);
      const before = (await rawPanel(ids.ls1))!.version;
      const submit = await post('zc1', `/panels/${ids.ls1}/submit`);
      expect(submit.status).toBe(400);
      expect(submit.body.error.code).toBe('PANEL_SIZE');
      const four = await post('zc1', `/panels/${ids.ls1}/proposal`, {
        entries: [ids.p1, ids.p2, ids.p3, ids.p1].map((prospectId) => ({ prospectId, rationale: 'x' })),
      });
      expect(four.status).toBe(400);
      expect((await rawPanel(ids.ls1))!.version).toBe(before);
    });

    it('takes a ranked proposal of 3 with rationales and submits it on time', async () => {
      const proposal = await post('zc1', `/panels/${ids.ls1}/proposal`, {
        entries: [
          { prospectId: ids.p3, rationale: SECRET.rationale1 },
          { prospectId: ids.p1, rationale: SECRET.rationale2 },
          { prospectId: ids.p2, rationale: SECRET.rationale3 },
        ],
      });
      expect(proposal.status).toBe(200);
      expect(
        proposal.body.proposal.map((e: { rank: number; prospectId: string }) => [e.rank, e.prospectId]),
      ).toEqual([
        [1, ids.p3],
        [2, ids.p1],
        [3, ids.p2],
      ]);
      const submit = await post('zc1', `/panels/${ids.ls1}/submit`);
      expect(submit.status).toBe(200);
      expect(submit.body).toMatchObject({ status: 'submitted', submittedOnTime: true });
      await expectDocumented('post', '/panels/{panelId}/submit', submit);
    });

    it('lets national leadership return it with comments, and the coordinator resubmit', async () => {
      const back = await post('hq', `/panels/${ids.ls1}/return`, { comments: SECRET.comments });
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({
        status: 'returned',
        returnCount: 1,
        returnComments: SECRET.comments,
      });
      expect((await post('zc1', `/panels/${ids.ls1}/submit`)).body.status).toBe('submitted');
    });

    it('lets only the president decide, only for a name on the panel, and only once', async () => {
      const before = (await rawPanel(ids.ls1))!.version;
      expect((await post('hq', `/panels/${ids.ls1}/decision`, { prospectId: ids.p3 })).body.error.code).toBe(
        'NOT_PRESIDENT',
      );
      expect((await post('zc1', `/panels/${ids.ls1}/decision`, { prospectId: ids.p3 })).status).toBe(403);
      const stranger = await post('president', `/panels/${ids.ls1}/decision`, { prospectId: 'not-on-panel' });
      expect([stranger.status, stranger.body.error.code]).toEqual([400, 'NOT_ON_PANEL']);
      expect((await rawPanel(ids.ls1))!.version).toBe(before);
      const decided = await post('president', `/panels/${ids.ls1}/decision`, { prospectId: ids.p3 });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ status: 'decided', decision: { prospectId: ids.p3, by: 'pres' } });
      const again = await post('president', `/panels/${ids.ls1}/decision`, { prospectId: ids.p1 });
      expect([again.status, again.body.error.code]).toEqual([409, 'PANEL_DECIDED']);
      expect(
        (
          await post('zc1', `/panels/${ids.ls1}/proposal`, {
            entries: [{ prospectId: ids.p1, rationale: 'x' }],
          })
        ).status,
      ).toBe(409);
      expect((await post('collector', `/panels/${ids.ls1}/feedback`, feedbackBody(ids.p1))).status).toBe(409);
    });

    it('announces the decided name', async () => {
      const res = await post('president', `/panels/${ids.ls1}/announce`);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('announced');
      const announced = await waitForEvent('candidates.panel.announced');
      expect(announced.payload).toMatchObject({
        panelId: ids.ls1,
        seatId: 'LS-1',
        chosenName: SECRET.outsiderName,
      });
    });

    it('refuses to decide one person for a second seat of the cycle', async () => {
      const ls2 = await post('zc2', '/panels', {
        cycleId: CYCLE,
        seatId: 'LS-2',
        deadline: new Date(Date.now() + 7 * DAY).toISOString(),
      });
      expect([ls2.status, ls2.body.zoneId]).toEqual([201, 'Z2']);
      ids.ls2 = ls2.body.id;
      const sameOutsider = await post('zc2', `/panels/${ids.ls2}/prospects`, {
        kind: 'outsider',
        name: SECRET.outsiderName,
        phone: SECRET.outsiderPhone,
      });
      const local = await post('zc2', `/panels/${ids.ls2}/prospects`, { kind: 'member', memberId: 'm3' });
      expect([sameOutsider.status, local.status]).toEqual([201, 201]);
      await post('zc2', `/panels/${ids.ls2}/proposal`, {
        entries: [
          { prospectId: sameOutsider.body.id, rationale: SECRET.rationale1 },
          { prospectId: local.body.id, rationale: SECRET.rationale2 },
        ],
      }).expect(200);
      await post('zc2', `/panels/${ids.ls2}/submit`).expect(200);
      const twice = await post('president', `/panels/${ids.ls2}/decision`, {
        prospectId: sameOutsider.body.id,
      });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'DECIDED_FOR_ANOTHER_SEAT']);
      expect((await rawPanel(ids.ls2))!.status).toBe('submitted');
      expect(
        (await post('president', `/panels/${ids.ls2}/decision`, { prospectId: local.body.id })).status,
      ).toBe(200);
    });
  });

  describe('one seat per person per cycle, under concurrent decisions', () => {
    it('lets exactly one of two simultaneous decisions for the same person win', async () => {
      const submitted = async (zc: Person, seatId: string) => {
        const panel = await post(zc, '/panels', {
          cycleId: 'RACE-2029',
          seatId,
          deadline: new Date(Date.now() + DAY).toISOString(),
        });
        const body = { kind: 'outsider', name: 'Same Person', phone: '+919800011111' };
        const same = await post(zc, `/panels/${panel.body.id}/prospects`, body);
        const other = await post(zc, `/panels/${panel.body.id}/prospects`, {
          ...body,
          phone: `+91980002${seatId === 'LS-1' ? '1111' : '2222'}`,
        });
        await post(zc, `/panels/${panel.body.id}/proposal`, {
          entries: [same.body.id, other.body.id].map((prospectId) => ({ prospectId, rationale: 'r' })),
        }).expect(200);
        await post(zc, `/panels/${panel.body.id}/submit`).expect(200);
        return { panelId: panel.body.id as string, same: same.body.id as string };
      };
      const [one, two] = await Promise.all([submitted('zc1', 'LS-1'), submitted('zc2', 'LS-2')]);
      const answers = await Promise.all(
        [one, two].map((p) => post('president', `/panels/${p.panelId}/decision`, { prospectId: p.same })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const statuses = await Promise.all([one, two].map(async (p) => (await rawPanel(p.panelId))!.status));
      expect(statuses.sort()).toEqual(['decided', 'submitted']);
      expect(
        await h.db.collection('decision_claims').countDocuments({ _id: { $regex: '^RACE-2029:' } as never }),
      ).toBe(1);
    });
  });

  describe('bad input: a clear 4xx, nothing changes', () => {
    let panelId: string;
    let prospectId: string;

    beforeAll(async () => {
      const res = await post('zc1', '/panels', {
        cycleId: 'AS-2027',
        seatId: 'AC-1',
        deadline: new Date(Date.now() + 7 * DAY).toISOString(),
      });
      expect(res.status).toBe(201);
      panelId = res.body.id;
      prospectId = (await post('zc1', `/panels/${panelId}/prospects`, { kind: 'member', memberId: 'm1' }))
        .body.id;
      await post('zc1', `/panels/${panelId}/collectors`, { memberIds: ['col1'] }).expect(200);
    });

    it.each([
      [
        'a rating outside 1-5',
        'collector',
        'feedback',
        () => feedbackBody(prospectId, ratings(6, 1, 1, 1)),
        400,
      ],
      ['a rating of 0', 'collector', 'feedback', () => feedbackBody(prospectId, ratings(0, 1, 1, 1)), 400],
      ['feedback on a prospect of no panel', 'collector', 'feedback', () => feedbackBody('nobody'), 400],
      [
        'a member id that does not exist',
        'zc1',
        'prospects',
        () => ({ kind: 'member', memberId: 'ghost' }),
        400,
      ],
      ['a member outside the zone', 'zc1', 'prospects', () => ({ kind: 'member', memberId: 'm3' }), 403],
      [
        'a phone not in E.164',
        'zc1',
        'prospects',
        () => ({ kind: 'outsider', name: 'A B', phone: '98123' }),
        400,
      ],
      [
        'the same person twice on a panel',
        'zc1',
        'prospects',
        () => ({ kind: 'member', memberId: 'm1' }),
        409,
      ],
      ['a collector outside the zone', 'zc1', 'collectors', () => ({ memberIds: ['m3'] }), 403],
      ['a decision on an unsubmitted panel', 'president', 'decision', () => ({ prospectId }), 409],
      ['a decision by the coordinator', 'zc1', 'decision', () => ({ prospectId }), 403],
      ['reading another zone as a coordinator', 'zc2', 'collectors', () => ({ memberIds: [] }), 403],
    ] as const)('refuses %s', async (_what, person, action, body, status) => {
      const before = await rawPanel(panelId);
      const prospects = await h.db.collection('prospects').countDocuments({ panelId });
      const feedback = await h.db.collection('feedback').countDocuments({ panelId });
      const res = await post(person, `/panels/${panelId}/${action}`, body());
      expect(res.status).toBe(status);
      expect(res.body.error.code).toEqual(expect.any(String));
      const after = await rawPanel(panelId);
      expect(after!.version).toBe(before!.version);
      expect(await h.db.collection('prospects').countDocuments({ panelId })).toBe(prospects);
      expect(await h.db.collection('feedback').countDocuments({ panelId })).toBe(feedback);
      const audited = await h.db
        .collection('panel_audit')
        .findOne(
          { panelId, actorId: person === 'collector' ? 'col1' : person === 'president' ? 'pres' : person },
          { sort: { _id: -1 } },
        );
      expect(audited).toMatchObject({
        outcome: status === 403 ? 'denied' : 'rejected',
        code: res.body.error.code,
      });
    });

    it('refuses a seat org does not know and a second panel for one seat and cycle', async () => {
      const unknown = await post('zc1', '/panels', {
        cycleId: CYCLE,
        seatId: 'LS-99',
        deadline: new Date(Date.now() + DAY).toISOString(),
      });
      expect([unknown.status, unknown.body.error.code]).toEqual([400, 'UNKNOWN_SEAT']);
      const twice = await post('zc1', '/panels', {
        cycleId: 'AS-2027',
        seatId: 'AC-1',
        deadline: new Date(Date.now() + DAY).toISOString(),
      });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'PANEL_EXISTS']);
      const other = await post('zc1', '/panels', {
        cycleId: CYCLE,
        seatId: 'LS-2',
        deadline: new Date(Date.now() + DAY).toISOString(),
      });
      expect([other.status, other.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    });
  });

  describe('authorisation: roles × actions × in/out of zone', () => {
    let panelId: string;
    let prospectId: string;

    beforeAll(async () => {
      const res = await post('zc1', '/panels', {
        cycleId: 'AS-2027',
        seatId: 'AC-2',
        deadline: new Date(Date.now() + 7 * DAY).toISOString(),
      });
      panelId = res.body.id;
      prospectId = (await post('zc1', `/panels/${panelId}/prospects`, { kind: 'member', memberId: 'm2' }))
        .body.id;
      await post('zc1', `/panels/${panelId}/collectors`, { memberIds: ['col1'] }).expect(200);
    });

    /**
     * Every request is built so that, once access is granted, it fails on a rule instead (decide and return an
     * unsubmitted panel, feedback with a bad rating…): the table sees who gets past access without the panel changing.
     */
    const ACTIONS = {
      'read panel': () => get,
      'read feedback': () => get,
      'read prospect': () => get,
      'read audit log': () => get,
      'add prospect': () => post,
      'designate collectors': () => post,
      'record feedback': () => post,
      return: () => post,
      decide: () => post,
    } as const;
    type Action = keyof typeof ACTIONS;
    const request = (action: Action, person: Person) => {
      switch (action) {
        case 'read panel':
          return get(person, `/panels/${panelId}`);
        case 'read feedback':
          return get(person, `/panels/${panelId}/feedback`);
        case 'read prospect':
          return get(person, `/panels/${panelId}/prospects/${prospectId}`);
        case 'read audit log':
          return get(person, `/panel-audit?panelId=${panelId}&limit=1`);
        case 'add prospect':
          return post(person, `/panels/${panelId}/prospects`, { kind: 'member', memberId: 'ghost' });
        case 'designate collectors':
          return post(person, `/panels/${panelId}/collectors`, { memberIds: ['ghost'] });
        case 'record feedback':
          return post(person, `/panels/${panelId}/feedback`, {
            ...feedbackBody(prospectId),
            prospectId: 'nobody',
          });
        case 'return':
          return post(person, `/panels/${panelId}/return`, { comments: 'c' });
        case 'decide':
          return post(person, `/panels/${panelId}/decision`, { prospectId });
      }
    };
    const Y = 'allowed';
    const N = 'denied';
    // person: in/out of the panel's zone        read  feedbk prosp  audit  add   desig  fb    return decide
    const TABLE: [Person, string, ...string[]][] = [
      ['zc1', 'coordinator, in zone', Y, Y, Y, N, Y, Y, Y, N, N],
      ['zc2', 'coordinator, out of zone', N, N, N, N, N, N, N, N, N],
      ['formerZc1', 'replaced coordinator, in zone', N, N, N, N, N, N, N, N, N],
      ['collector', 'designated collector, in zone', N, N, N, N, N, N, Y, N, N],
      ['otherDp', 'undesignated local leader, in zone', N, N, N, N, N, N, N, N, N],
      ['hq', 'national leadership', Y, Y, Y, Y, N, N, N, Y, N],
      ['president', 'the president', Y, Y, Y, Y, N, N, N, Y, Y],
      ['state', 'state leadership', N, N, N, N, N, N, N, N, N],
      ['analyst', 'analyst', N, N, N, N, N, N, N, N, N],
    ];
    const actions = Object.keys(ACTIONS) as Action[];
    const cases = TABLE.flatMap(([person, who, ...expected]) =>
      actions.map((action, i) => [who, action, person, expected[i]] as const),
    );

    it.each(cases)('%s: %s is %s', async (_who, action, person, expected) => {
      const before = (await rawPanel(panelId))!.version;
      const res = await request(action, person);
      if (expected === N) expect([res.status, res.body.error?.code]).toEqual([403, expect.any(String)]);
      else expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
      expect((await rawPanel(panelId))!.version).toBe(before);
      if (expected === N)
        expect(
          await h.db
            .collection('panel_audit')
            .findOne(
              { actorId: PEOPLE_SUB[person], outcome: 'denied', code: res.body.error.code },
              { sort: { _id: -1 } },
            ),
        ).not.toBeNull();
    });
  });

  describe('the audit trail', () => {
    it('records reads and denied attempts with who, what, when and from where; only national leadership reads it', async () => {
      const res = await get('hq', `/panel-audit?panelId=${ids.ls1}&limit=500`);
      expect(res.status).toBe(200);
      const entries = res.body.items as {
        actorId: string;
        action: string;
        outcome: string;
        code: string | null;
        ip: string;
        at: string;
      }[];
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actorId: 'zc1', action: 'panel.read', outcome: 'allowed' }),
          expect.objectContaining({ actorId: 'zc1', action: 'feedback.read', outcome: 'allowed' }),
          expect.objectContaining({
            actorId: 'col1',
            action: 'panel.read',
            outcome: 'denied',
            code: 'PERMISSION_DENIED',
          }),
          expect.objectContaining({ actorId: 'col1', action: 'feedback.read', outcome: 'denied' }),
          expect.objectContaining({
            actorId: 'hq',
            action: 'panel.decide',
            outcome: 'denied',
            code: 'NOT_PRESIDENT',
          }),
        ]),
      );
      expect(entries.every((e) => e.ip && e.at)).toBe(true);
      await expectDocumented('get', '/panel-audit', res);
      const refused = await get('zc1', '/panel-audit');
      expect(refused.status).toBe(403);
      const own = await get('hq', '/panel-audit?actorId=zc1&outcome=denied&limit=500');
      expect(own.body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ action: 'audit.read' })]),
      );
    });

    it('counts audit entries by outcome on /metrics', async () => {
      const metrics = await h.http().get('/metrics');
      expect(metrics.text).toMatch(/panel_audit_entries_total\{[^}]*outcome="denied"[^}]*\} [1-9]/);
      expect(metrics.text).toMatch(/panel_audit_entries_total\{[^}]*outcome="allowed"[^}]*\} [1-9]/);
    });

    it('has no way to change or remove an entry over the API', async () => {
      const count = await h.db.collection('panel_audit').countDocuments();
      const entry = (await h.db.collection('panel_audit').findOne({}))!;
      for (const method of ['put', 'patch', 'delete'] as const) {
        const res = await h
          .http()
          [method](`/panel-audit/${String(entry._id)}`)
          .set('Authorization', h.auth('president'));
        expect(res.status).toBe(404);
        const all = await h.http()[method]('/panel-audit').set('Authorization', h.auth('president'));
        expect(all.status).toBe(404);
      }
      expect(await h.db.collection('panel_audit').countDocuments()).toBeGreaterThanOrEqual(count);
      expect(await h.db.collection('panel_audit').findOne({ _id: entry._id })).toEqual(entry);
    });
  });

  describe('confidentiality of the data', () => {
    it('stores names, phones, profiles, rationales, comments and feedback text only encrypted, with their key id', async () => {
      for (const name of ['panels', 'prospects', 'feedback']) {
        const docs = await h.db.collection(name).find({}).toArray();
        expect(docs.length).toBeGreaterThan(0);
        const raw = JSON.stringify(docs);
        for (const secret of rawSecrets) expect(raw).not.toContain(secret);
      }
      const prospect = (await h.db.collection('prospects').findOne({ _id: ids.p3 as never }))!;
      expect(prospect.name).toEqual({
        k: 'k1',
        iv: expect.any(String),
        ct: expect.any(String),
        tag: expect.any(String),
      });
      expect(prospect.phone.k).toBe('k1');
      expect(prospect.memberRef).toBeNull();
      const member = (await h.db.collection('prospects').findOne({ _id: ids.p1 as never }))!;
      expect(JSON.stringify(member)).not.toContain('"m1"');
      const panel = (await rawPanel(ids.ls1))!;
      expect(panel.proposal[0].rationale.k).toBe('k1');
      expect(panel.returnComments.k).toBe('k1');
    });

    it('never publishes a name, phone or free text; the announcement carries only the chosen name', async () => {
      await waitForEvent('candidates.panel.decided');
      const all = h.events();
      expect(new Set(all.map((e) => e.type))).toEqual(
        new Set([
          'candidates.panel.opened',
          'candidates.panel.collecting-started',
          'candidates.panel.feedback-recorded',
          'candidates.panel.proposed',
          'candidates.panel.submitted',
          'candidates.panel.returned',
          'candidates.panel.decided',
          'candidates.panel.announced',
        ]),
      );
      for (const message of h.probe.messages) {
        const event = JSON.parse(message.value) as { type: string; payload: Record<string, unknown> };
        const text =
          event.type === 'candidates.panel.announced'
            ? JSON.stringify({ ...event, payload: { ...event.payload, chosenName: null } })
            : message.value;
        for (const secret of rawSecrets) expect(text).not.toContain(secret);
        for (const secret of rawSecrets) expect(JSON.stringify(message.headers)).not.toContain(secret);
      }
      const announced = h.events('candidates.panel.announced');
      expect(announced.map((e) => Object.keys(e.payload).sort())).toEqual([
        ['announcedAt', 'chosenName', 'cycleId', 'panelId', 'seatId', 'seatLevel', 'zoneId'],
      ]);
    });
  });

  describe('deadlines', () => {
    it('raises deadline-missed once when the clock passes an unsubmitted panel’s deadline, and marks it late', async () => {
      const res = await post('zc1', '/panels', {
        cycleId: 'LATE-2029',
        seatId: 'LS-1',
        deadline: new Date(h.clock.now().getTime() + 3600_000).toISOString(),
      });
      expect(res.status).toBe(201);
      const panelId = res.body.id as string;
      const sweep = h.app.get(DeadlineSweepJob);
      expect(await sweep.sweep()).toBe(0);
      h.clock.offsetMs = 2 * 3600_000;
      try {
        expect(await sweep.sweep()).toBe(1);
        expect(await sweep.sweep()).toBe(0);
        const missed = await waitForEvent('candidates.panel.deadline-missed', panelId);
        expect(missed.payload).toMatchObject({ panelId, status: 'open', seatId: 'LS-1' });
        const overview = await get('hq', '/panel-overview?cycleId=LATE-2029');
        expect(overview.status).toBe(200);
        expect(overview.body.items).toEqual([
          expect.objectContaining({ panelId, late: true, status: 'open', seatNameEn: 'Area LS-1' }),
        ]);
        await expectDocumented('get', '/panel-overview', overview);
        const zoneView = await get('zc2', '/panel-overview?cycleId=LATE-2029');
        expect(zoneView.body.items).toEqual([]);
      } finally {
        h.clock.offsetMs = 0;
      }
    });
  });

  describe('key rotation', () => {
    it('re-seals every value with the current key, resumably, and the service still reads them', async () => {
      const cipher = new FieldCipher({
        keys: new Map([
          ['k1', Buffer.from(KEY_1, 'base64')],
          ['k2', Buffer.from(KEY_2, 'base64')],
        ]),
        currentKeyId: 'k2',
        indexKey: Buffer.alloc(32),
      });
      const rotation = new KeyRotation(h.db, cipher, 2);
      const total = await rotation.remaining();
      expect(total).toBeGreaterThan(5);
      const first = await rotation.run(1);
      expect(first.reduce((n, p) => n + p.resealed, 0)).toBe(3);
      expect(await rotation.remaining()).toBe(total - 3);
      await rotation.run();
      expect(await rotation.remaining()).toBe(0);
      const prospect = (await h.db.collection('prospects').findOne({ _id: ids.p3 as never }))!;
      expect([prospect.name.k, prospect.phone.k, prospect.sealedWith]).toEqual(['k2', 'k2', 'k2']);
      const res = await get('president', `/panels/${ids.ls1}`);
      expect(res.status).toBe(200);
      expect(res.body.prospects.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining([SECRET.memberName, SECRET.outsiderName]),
      );
      expect(res.body.returnComments).toBe(SECRET.comments);
    });
  });

  describe('org-directory', () => {
    it('follows an area moving to another zone: its subtree, its members and the zone of its seat', async () => {
      // AC-3, LS-2's only segment, moves from D2 (zone Z2) to D1 (zone Z1).
      await h.feed.move('AC-3', 'assembly', 'D1', { lokSabhaId: 'LS-2' }).flush();
      await waitFor(
        async () =>
          (
            await h.db.collection('org_directory_members').findOne({ _id: 'm3' as never })
          )?.ancestors.includes('Z1'),
        { what: 'the member of the moved area re-pathed' },
      );
      const area = await h.db.collection('org_directory_areas').findOne({ _id: 'AC-3' as never });
      expect(area?.ancestors).toEqual(['IN', 'UP', 'Z1', 'D1']);
      const res = await post('zc1', '/panels', {
        cycleId: 'MOVED-2029',
        seatId: 'LS-2',
        deadline: new Date(Date.now() + DAY).toISOString(),
      });
      expect([res.status, res.body.zoneId, res.body.ownerId]).toEqual([201, 'Z1', 'zc1']);
      expect(
        (await post('zc1', `/panels/${res.body.id}/prospects`, { kind: 'member', memberId: 'm3' })).status,
      ).toBe(201);
    });
  });

  let contract: OpenApiResponses | undefined;
  async function expectDocumented(
    method: string,
    path: string,
    answer: { status: number; headers: Record<string, string>; body: unknown },
  ) {
    contract ??= await OpenApiResponses.of(
      (await h.http().get('/docs/openapi.json')).body as OpenApiDocument,
    );
    expect(contract.problems(method, path, answer)).toEqual([]);
  }

  async function waitForEvent(type: string, panelId?: string) {
    return waitFor(() => h.events(type).find((e) => !panelId || e.payload.panelId === panelId), {
      what: `${type} published`,
      timeoutMs: 20_000,
    });
  }
});

const PEOPLE_SUB: Record<Person, string> = {
  zc1: 'zc1',
  zc2: 'zc2',
  formerZc1: 'zc-former',
  president: 'pres',
  hq: 'hq',
  collector: 'col1',
  otherDp: 'dp2',
  state: 'st',
  analyst: 'an',
};
