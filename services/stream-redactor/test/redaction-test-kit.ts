import { exampleEvent, type EventDefinition, type EventEnvelope } from '@sangathan/contracts';
import type { AnalystEvent } from '../src/modules/redaction/domain/analyst-event';
import { parsePseudonymKeys, Pseudonymiser } from '../src/modules/redaction/domain/pseudonymiser';

/** Shared by the redaction specs (not a spec itself): keys, and a check that an analyst event is valid. */
export const testPseudonyms = new Pseudonymiser(
  parsePseudonymKeys('2026-Q1@2026-01-01:unit-test-secret-0123456789abcdefghij'),
);

/** The contract's own example of an internal event, with some fields replaced. */
export function internalEvent<P>(definition: EventDefinition<P>, payload: Partial<P> = {}): EventEnvelope<P> {
  const example = exampleEvent(definition);
  return { ...example, payload: definition.payload.parse({ ...example.payload, ...payload }) };
}

/** Fails unless every analyst event matches its contract; returns the JSON analysts would read. */
export function publishedJson(events: AnalystEvent[]): string {
  for (const event of events) {
    const parsed = event.definition.payload.safeParse(event.payload);
    if (!parsed.success) throw new Error(`${event.definition.type}: ${parsed.error.message}`);
  }
  return JSON.stringify(events.map((e) => ({ key: e.key, payload: e.payload })));
}
