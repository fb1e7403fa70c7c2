import { uuidv7 } from '@sangathan/kernel';
import { AreaCreatedV1 } from '../org/area.events';
import { createEvent } from '../envelope/create-event';
import { EventRegistry } from './event-registry';

const context = { producer: 'org', areaId: 'IN-UP', areaPath: ['IN'], actorId: null, correlationId: 'c-1' };
const payload = {
  areaId: 'IN-UP',
  level: 'state' as const,
  parentId: 'IN',
  ancestors: ['IN'],
  nameEn: 'Uttar Pradesh',
  nameHi: 'उत्तर प्रदेश',
};

describe('EventRegistry.validate', () => {
  const registry = new EventRegistry();

  it('accepts a valid event and strips unknown payload fields', () => {
    const event = createEvent(AreaCreatedV1, payload, context);
    const raw = JSON.stringify({ ...event, payload: { ...event.payload, addedLater: 1 } });
    const outcome = registry.validate(raw, AreaCreatedV1.topic);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.event.payload).toEqual(payload);
  });

  it.each([
    ['malformed-json', '{not json'],
    ['invalid-envelope', JSON.stringify({ type: 'org.area.created' })],
    ['unknown-event', JSON.stringify({ ...createEvent(AreaCreatedV1, payload, context), version: 99 })],
    [
      'invalid-payload',
      JSON.stringify({ ...createEvent(AreaCreatedV1, payload, context), payload: { areaId: 'x' } }),
    ],
  ])('rejects %s input with that reason', (reason, raw) => {
    const outcome = registry.validate(raw, AreaCreatedV1.topic);
    expect(outcome).toMatchObject({ ok: false, reason });
  });

  it('checks the payload only of the definitions the caller asks for (an event no handler takes)', () => {
    const raw = JSON.stringify({ ...createEvent(AreaCreatedV1, payload, context), payload: { areaId: 'x' } });
    expect(registry.validate(raw, AreaCreatedV1.topic, () => false)).toMatchObject({
      ok: true,
      definition: AreaCreatedV1,
    });
    expect(registry.validate(raw, AreaCreatedV1.topic, (d) => d === AreaCreatedV1)).toMatchObject({
      ok: false,
      reason: 'invalid-payload',
    });
    const badEnvelope = JSON.stringify({
      ...createEvent(AreaCreatedV1, payload, context),
      occurredAt: 'yesterday',
    });
    expect(registry.validate(badEnvelope, AreaCreatedV1.topic, () => false)).toMatchObject({
      ok: false,
      reason: 'invalid-envelope',
    });
  });

  it('rejects an event read from a topic it does not belong to', () => {
    const raw = JSON.stringify(createEvent(AreaCreatedV1, payload, context));
    expect(registry.validate(raw, 'meetings.meeting.events')).toMatchObject({
      ok: false,
      reason: 'wrong-topic',
    });
  });

  it('refuses to create an event whose payload breaks its schema', () => {
    expect(() => createEvent(AreaCreatedV1, { ...payload, level: 'village' as never }, context)).toThrow();
  });

  it('gives every event a fresh UUIDv7 id', () => {
    const a = createEvent(AreaCreatedV1, payload, context);
    const b = createEvent(AreaCreatedV1, payload, context);
    expect(a.eventId).not.toBe(b.eventId);
    expect(uuidv7() > a.eventId).toBe(true);
  });
});
