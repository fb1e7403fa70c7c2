import type { z } from 'zod';
import {
  CANDIDATES_EVENTS,
  CANDIDATES_PANEL_TOPIC,
  CandidatesPanelAnnouncedV1,
} from './candidates.contracts';

/** Field names of an object schema, nested ones included. */
function fieldNames(schema: z.ZodType): string[] {
  const def = (
    schema as unknown as { def: { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType } }
  ).def;
  if (def.type === 'object')
    return Object.entries(def.shape!).flatMap(([key, field]) => [key, ...fieldNames(field)]);
  if (def.innerType) return fieldNames(def.innerType);
  return [];
}

describe('candidates contracts', () => {
  it('puts every panel event on the panel topic', () => {
    for (const definition of CANDIDATES_EVENTS) expect(definition.topic).toBe(CANDIDATES_PANEL_TOPIC.name);
  });

  it('carries no field that could hold a name, phone or free text, except the announced chosen name', () => {
    const risky = /name|phone|text|comment|rationale|profile|note|reason/i;
    for (const definition of CANDIDATES_EVENTS) {
      const fields = fieldNames(definition.payload).filter((field) => risky.test(field));
      expect({ type: definition.type, fields }).toEqual({
        type: definition.type,
        fields: definition === CandidatesPanelAnnouncedV1 ? ['chosenName'] : [],
      });
    }
  });
});
