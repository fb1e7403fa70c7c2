import { definitionKey } from '../envelope/event-definition';
import { EVENT_DEFINITIONS, TOPICS } from '../catalog/catalog';
import { AreaCreatedV1, ORG_EVENTS, ORG_TOPICS, TaskOverdueV1 } from './org.contracts';

describe('org contracts', () => {
  it('puts every org event on a topic the org service owns', () => {
    const topics = new Set(ORG_TOPICS.map((t) => t.name));
    expect(ORG_TOPICS.every((t) => t.owner === 'org')).toBe(true);
    for (const definition of ORG_EVENTS) expect(topics.has(definition.topic)).toBe(true);
  });

  it('lists each event once, from every aggregate, and registers them all in the catalog', () => {
    const keys = ORG_EVENTS.map((d) => definitionKey(d.type, d.version));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['org.area.created@v1', 'org.task.overdue@v1']));
    expect(EVENT_DEFINITIONS).toEqual(expect.arrayContaining([AreaCreatedV1, TaskOverdueV1]));
    expect(TOPICS).toEqual(expect.arrayContaining(ORG_TOPICS));
  });
});
