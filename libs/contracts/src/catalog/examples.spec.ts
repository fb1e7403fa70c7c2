import { eventEnvelopeSchema } from '../envelope/event-envelope';
import { EVENT_DEFINITIONS } from './catalog';
import { EventRegistry } from './event-registry';
import { exampleEvent } from './examples';

describe('catalogue examples', () => {
  const registry = new EventRegistry();

  it.each(EVENT_DEFINITIONS.map((d) => [`${d.type} v${d.version}`, d] as const))(
    '%s: the example is a valid event of its topic',
    (_, definition) => {
      const example = exampleEvent(definition);
      expect(definition.payload.safeParse(example.payload).error).toBeUndefined();
      expect(eventEnvelopeSchema.safeParse(example).error).toBeUndefined();
      const outcome = registry.validate(JSON.stringify(example), definition.topic);
      expect(outcome).toMatchObject({ ok: true, definition });
    },
  );

  it('uses Uttar Pradesh codes and Devanagari text, not placeholders', () => {
    const all = JSON.stringify(EVENT_DEFINITIONS.map((d) => exampleEvent(d)));
    expect(all).toContain('UP-D-LUCKNOW');
    expect(all).toMatch(/[\u0900-\u097F]/);
    expect(all).not.toMatch(/"x"|"k"|"a{10,}"/);
  });

  it('is the same every time (the committed docs/asyncapi.json must not churn)', () => {
    expect(EVENT_DEFINITIONS.map((d) => exampleEvent(d))).toEqual(
      EVENT_DEFINITIONS.map((d) => exampleEvent(d)),
    );
  });
});
