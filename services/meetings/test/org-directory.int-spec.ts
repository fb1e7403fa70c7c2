import { AreaUpdatedV1, createEvent, type EventDefinition } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import { produceRaw, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { ROSTER } from '../src/modules/org-directory/application/ports/roster.port';
import type { RosterRepository } from '../src/modules/org-directory/infrastructure/roster.repository';
import { LKO_PRESIDENT, startMeetings, TREE, type Harness } from './support/harness';

describe('org-directory (areas and members from org events)', () => {
  let h: Harness;
  const server = () => request(h.app.getHttpServer());
  const ancestorsOf = (areaId: string) => TREE.find((a) => a.id === areaId)!.ancestors;

  function orgEvent<P>(definition: EventDefinition<P>, payload: P) {
    return createEvent(definition, payload, {
      producer: 'org',
      areaId: 'UP',
      areaPath: ['IN'],
      actorId: null,
      correlationId: 'test',
    });
  }
  async function publish(topic: string, key: string, events: { type: string; eventId: string }[]) {
    await produceRaw(
      `${h.topicPrefix}${topic}`,
      events.map((event) => ({
        key,
        value: JSON.stringify(event),
        headers: { 'event-type': event.type, 'event-version': '1', 'event-id': event.eventId },
      })),
    );
  }

  beforeAll(async () => {
    h = await startMeetings('mtg-orgdir');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the geo set here when org updates the area, and ignores an older update delivered after a newer one', async () => {
    await server()
      .put('/areas/AC-173/geo')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ geo: { kind: 'circle', lat: 26.85, lon: 80.95, radiusKm: 12 } })
      .expect(200);
    const area = {
      areaId: 'AC-173',
      level: 'assembly' as const,
      parentId: 'D-LKO',
      ancestors: ancestorsOf('AC-173'),
      nameHi: 'लखनऊ मध्य',
      changed: ['nameEn', 'nameHi'],
    };
    const older = orgEvent(AreaUpdatedV1, { ...area, nameEn: 'Lucknow Central (old)' });
    const newer = orgEvent(AreaUpdatedV1, { ...area, nameEn: 'Lucknow Central' });

    await publish(AreaUpdatedV1.topic, 'AC-173', [newer, older]);

    const read = async () =>
      (await server().get('/areas/AC-173').set('Authorization', h.auth(LKO_PRESIDENT)).expect(200)).body;
    await waitFor(async () => (await read()).nameHi === 'लखनऊ मध्य', { what: 'the area update' });
    // Both events are in one poll, in order: give the older one time to be (not) applied.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await read()).toMatchObject({
      nameEn: 'Lucknow Central',
      nameHi: 'लखनऊ मध्य',
      geo: { kind: 'circle', lat: 26.85, lon: 80.95, radiusKm: 12 },
    });
  });

  it('carries a member stored with the former seen[] guard over to lastEventId, so a newer event applies and an older one does not', async () => {
    const before = uuidv7();
    const applied = uuidv7();
    await h.db.collection('known_members').insertOne({
      _id: 'legacy-1',
      name: 'legacy',
      areaId: 'M-1',
      ancestors: ancestorsOf('M-1'),
      status: 'active',
      positions: [],
      positionTypes: [],
      positionScopeKeys: [],
      seen: [applied],
    } as never);

    const roster = h.app.get<RosterRepository>(ROSTER);
    await roster.onModuleInit();
    expect(await h.db.collection('known_members').findOne({ _id: 'legacy-1' } as never)).toMatchObject({
      lastEventId: applied,
    });
    expect(await h.db.collection('known_members').findOne({ _id: 'legacy-1' } as never)).not.toHaveProperty(
      'seen',
    );

    const fields = { name: 'legacy', areaId: 'AC-173', ancestors: ancestorsOf('AC-173'), status: 'inactive' };
    expect(await roster.applyMember('legacy-1', before, fields)).toBe(false);
    expect(await h.db.collection('known_members').findOne({ _id: 'legacy-1' } as never)).toMatchObject({
      areaId: 'M-1',
      status: 'active',
    });
    const after = uuidv7();
    expect(await roster.applyMember('legacy-1', after, fields)).toBe(true);
    expect(await h.db.collection('known_members').findOne({ _id: 'legacy-1' } as never)).toMatchObject({
      ...fields,
      lastEventId: after,
    });
  });
});
