import { uuidv7 } from '@sangathan/kernel';
import { z } from 'zod';
import { eventEnvelopeSchema } from '../envelope/event-envelope';
import { EVENT_DEFINITIONS } from './catalog';
import { EventRegistry } from './event-registry';
import { compileContractCheck, NOT_ACCEPTED } from './contract-check';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  keyType?: z.ZodType;
};
const defOf = (schema: z.ZodType) =>
  (schema as unknown as { _zod: { def: Def; values?: Set<unknown> } })._zod;

const STRINGS = [
  'x',
  '2026-03-01',
  'a'.repeat(64),
  'UP-D1',
  'a.b.c',
  'org.area.created',
  '2026-03-01T10:00:00.000Z',
  '2026-03-01T10:00:00+05:30',
  uuidv7(),
  'en',
  'hi',
  '+919876543210',
  '#1',
];
const NUMBERS = [1, 5, 0, 0.5, 100, 2026, 2];

/** A value the schema accepts, built from its own description (first candidate zod accepts at each leaf). */
function sample(schema: z.ZodType): unknown {
  const { def, values } = defOf(schema);
  const first = (candidates: unknown[]) => candidates.find((c) => schema.safeParse(c).success);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape!).map(([key, field]) => [key, sample(field)]));
    case 'array':
      return [sample(def.element!), sample(def.element!)];
    case 'nullable':
    case 'optional':
      return sample(def.innerType!);
    case 'union':
      return sample(def.options![0]);
    case 'enum':
    case 'literal':
      return [...values!][0];
    case 'boolean':
      return true;
    case 'string':
      return first(STRINGS);
    case 'number':
      return first(NUMBERS);
    case 'record': {
      // An enum-keyed record must have every key; a string-keyed one any.
      const keys = defOf(def.keyType!).values;
      return Object.fromEntries((keys ? [...keys] : ['k']).map((key) => [key, sample(def.valueType!)]));
    }
    default:
      return null;
  }
}

/** Every path to a value inside `value`. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k])),
  ];
}

const DELETE = Symbol('delete');
/** Wrong types, empty and out-of-range values, malformed instants, and a missing key. */
const NASTY: unknown[] = [
  DELETE,
  null,
  '',
  ' ',
  'x',
  'X.Y',
  'a.b.c',
  '2026-02-30T10:00:00Z',
  '2026-03-01T24:00:00Z',
  '2026-03-01 10:00:00Z',
  '2026-03-01T10:00:00',
  '00000000-0000-4000-8000-000000000000',
  0,
  -1,
  1.5,
  2 ** 60,
  1e308,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  true,
  false,
  [],
  [''],
  {},
  { extra: 1 },
];

function mutated(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown; // as consumers get it (and in this test's realm)
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** The compiled check never accepts what zod rejects, and returns zod's output when it accepts. */
function expectAgreesWithZod(schema: z.ZodType, input: unknown, what: string): boolean {
  const fast = compileContractCheck(schema)!;
  const accepted = fast(input);
  const zod = schema.safeParse(input);
  if (accepted === NOT_ACCEPTED) return false;
  if (!zod.success)
    throw new Error(`${what}: accepted ${JSON.stringify(input)}, which zod rejects: ${zod.error.message}`);
  expect(accepted).toEqual(zod.data);
  return true;
}

const compiled = EVENT_DEFINITIONS.filter((d) => compileContractCheck(d.payload));

describe('compiled contract checks agree with zod', () => {
  it('compile the envelope and every payload without a union', () => {
    expect(compileContractCheck(eventEnvelopeSchema)).toBeDefined();
    // Its session plan and target rule are discriminated unions: ajv would strip a branch's keys while trying another.
    expect(EVENT_DEFINITIONS.filter((d) => !compiled.includes(d)).map((d) => d.type)).toEqual([
      'training.programme.created',
    ]);
  });

  it.each(compiled.map((d) => [`${d.type} v${d.version}`, d] as const))(
    '%s: accepts its valid sample, and no mutation zod rejects',
    (_, definition) => {
      const valid = sample(definition.payload);
      expect(definition.payload.safeParse(valid).success).toBe(true);
      expect(expectAgreesWithZod(definition.payload, valid, definition.type)).toBe(true);
      for (const path of paths(valid)) {
        for (const replacement of NASTY)
          expectAgreesWithZod(
            definition.payload,
            mutated(valid, path, replacement),
            `${definition.type} ${path.join('.')}`,
          );
      }
    },
  );

  it('the envelope: accepts a valid one, strips unknown keys like zod, and no mutation zod rejects', () => {
    const valid = {
      eventId: uuidv7(),
      type: 'org.area.created',
      version: 1,
      occurredAt: '2026-03-01T10:00:00.123+05:30',
      producer: 'org',
      areaId: 'UP-D1',
      areaPath: ['IN', 'UP'],
      actorId: null,
      correlationId: 'c-1',
      causationId: null,
      payload: { anything: 'goes' },
    };
    expect(expectAgreesWithZod(eventEnvelopeSchema, { ...valid, unknownKey: 'dropped' }, 'envelope')).toBe(
      true,
    );
    let rejected = 0;
    for (const path of paths(valid).filter((p) => p[0] !== 'payload')) {
      for (const replacement of NASTY)
        if (
          !expectAgreesWithZod(
            eventEnvelopeSchema,
            mutated(valid, path, replacement),
            `envelope ${path.join('.')}`,
          )
        )
          rejected++;
    }
    expect(rejected).toBeGreaterThan(100); // the mutations do break it
  });
});

describe('compiled checks strip unknown keys in place, as zod strips them', () => {
  const withArrays = compiled.find((d) => Object.values(sample(d.payload) as object).some(Array.isArray))!;

  it('return a message that has exactly the contract fields as it is', () => {
    const input = JSON.parse(JSON.stringify(sample(withArrays.payload))) as Record<string, unknown>;
    const expected = JSON.parse(JSON.stringify(input)) as unknown;
    expect(compileContractCheck(withArrays.payload)!(input)).toBe(input);
    expect(input).toEqual(expected);
  });

  it('drop the unknown key from the object that has one, the rest untouched', () => {
    const valid: Record<string, unknown> = {
      ...(sample(eventEnvelopeSchema) as object),
      eventId: uuidv7(),
      type: 'org.area.created',
      occurredAt: '2026-03-01T10:00:00Z',
    };
    const input: Record<string, unknown> = { ...valid, surplus: 1 };
    const areaPath = input.areaPath;
    const output = compileContractCheck(eventEnvelopeSchema)!(input) as Record<string, unknown>;
    expect(output).toEqual(eventEnvelopeSchema.parse({ ...valid, surplus: 1 }));
    expect(output).not.toHaveProperty('surplus');
    expect(output.areaPath).toBe(areaPath);
  });
});

describe('a record key zod would drop', () => {
  it('sends a message with a __proto__ key in a record to zod', () => {
    const schema = z.object({ shares: z.record(z.string().min(1), z.number()) });
    const input = JSON.parse('{"shares":{"obc":0.5,"__proto__":1}}') as unknown;
    expect(compileContractCheck(schema)!(input)).toBe(NOT_ACCEPTED);
    expect(schema.parse(input)).toEqual({ shares: { obc: 0.5 } });
    expect(compileContractCheck(schema)!({ shares: { obc: 0.5 } })).toEqual({ shares: { obc: 0.5 } });
  });
});

describe('schemas whose JSON Schema is not exactly the zod rule are left to zod', () => {
  it.each([
    ['a refinement', z.object({ n: z.number().refine((n) => n % 2 === 0) })],
    ['a transform', z.object({ s: z.string().transform((s) => s.toUpperCase()) })],
    ['a default', z.object({ s: z.string().default('x') })],
    ['a strict object', z.strictObject({ s: z.string() })],
    ['a union', z.object({ v: z.union([z.string(), z.number()]) })],
    ['an email format', z.object({ e: z.email() })],
  ])('%s', (_, schema) => expect(compileContractCheck(schema)).toBeUndefined());
});

describe('EventRegistry.validate with the compiled checks', () => {
  const registry = new EventRegistry();
  const definition = compiled[0];
  const message = (payload: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      eventId: uuidv7(),
      type: definition.type,
      version: definition.version,
      occurredAt: '2026-03-01T10:00:00Z',
      producer: 'test',
      areaId: 'UP',
      areaPath: [],
      actorId: null,
      correlationId: 'c',
      causationId: null,
      payload,
      ...extra,
    });

  it('returns the same event as zod for a valid message, without unknown keys', () => {
    const outcome = registry.validate(
      message({ ...(sample(definition.payload) as object), surplus: 1 }, { surplus: 2 }),
      definition.topic,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.definition).toBe(definition);
    expect(outcome.event).not.toHaveProperty('surplus');
    expect(outcome.event.payload).not.toHaveProperty('surplus');
    expect(outcome.event.payload).toEqual(definition.payload.parse(sample(definition.payload)));
  });

  it('still explains what it rejects (zod decides)', () => {
    expect(registry.validate(message({}), definition.topic)).toMatchObject({
      ok: false,
      reason: 'invalid-payload',
    });
    expect(
      registry.validate(
        message(sample(definition.payload), { occurredAt: '2026-02-30T10:00:00Z' }),
        definition.topic,
      ),
    ).toMatchObject({
      ok: false,
      reason: 'invalid-envelope',
    });
    expect(registry.validate(message(sample(definition.payload)), 'some.other.topic')).toMatchObject({
      ok: false,
      reason: 'wrong-topic',
    });
  });
});
