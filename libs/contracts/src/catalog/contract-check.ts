import Ajv2020 from 'ajv/dist/2020';
import { z } from 'zod';

/** What a contract check returns for input it does not accept (the caller then asks zod, for the reason). */
export const NOT_ACCEPTED: unique symbol = Symbol('not accepted');

/** Returns zod's output for input zod accepts, or NOT_ACCEPTED; never accepts what zod rejects. */
export type ContractCheck = (input: unknown) => unknown;

/** zod schema kinds whose JSON Schema accepts exactly what zod accepts and whose zod output is the input. */
const SAFE_KINDS = new Set([
  'object',
  'record',
  'array',
  'string',
  'number',
  'boolean',
  'enum',
  'literal',
  'nullable',
  'optional',
  'unknown',
]);

/** zod checks that zod's JSON Schema export states in full; a refinement ('custom') it silently leaves out. */
const SAFE_CHECKS = new Set([
  'min_length',
  'max_length',
  'string_format',
  'number_format',
  'greater_than',
  'less_than',
]);

/** String formats zod exports with their pattern (others only by name, which ajv is not asked to check). */
const PATTERN_FORMATS = new Set(['regex', 'datetime']);

const ajv = new Ajv2020({
  // Unknown keys are stripped in place, as zod strips them: the input is a freshly parsed message nobody else holds.
  removeAdditional: true,
  // A string format comes with zod's own pattern, which ajv checks; the format name adds nothing.
  validateFormats: false,
  // zod's patterns are plain JavaScript regular expressions: compiled the same way, without the `u` flag.
  unicodeRegExp: false,
  // An enum-keyed record lists its keys as required without declaring them as properties.
  strictRequired: false,
});

/**
 * Compiles a zod contract schema through zod's own JSON Schema export into an ajv validator, or returns undefined
 * when the schema uses anything whose JSON Schema is not exactly zod's rule (transforms, defaults, refinements,
 * unions, strict or catch-all objects): those always go through zod.
 *
 * Why: consumers validate every message against its contract, and zod's generic machinery (a context, an issue list
 * and a result object per node) costs as much as the broker client's own decoding; ajv compiles each schema into one
 * plain function. Only acceptance is fast: a message this rejects goes through zod, which decides and explains.
 * `contract-check.spec.ts` checks it against zod; docs/benchmarks.md has the measurement that chose ajv over the
 * hand-written compiler it replaced.
 */
export function compileContractCheck(schema: z.ZodType): ContractCheck | undefined {
  // Once per schema: the shared ajv instance keeps every schema it compiled, and registries are built per app.
  if (!compiled.has(schema)) compiled.set(schema, compile(schema));
  return compiled.get(schema);
}

const compiled = new WeakMap<z.ZodType, ContractCheck | undefined>();

function compile(schema: z.ZodType): ContractCheck | undefined {
  let jsonSchema: object;
  try {
    jsonSchema = z.toJSONSchema(schema, {
      unrepresentable: 'throw',
      override: ({ zodSchema, jsonSchema: json }) => {
        assertSafe(zodSchema);
        // zod leaves a record's `__proto__` key out of its output; a message with one goes to zod.
        const keys = json.propertyNames;
        if (json.type === 'object' && typeof keys === 'object')
          json.propertyNames = { allOf: [keys, { not: { const: '__proto__' } }] };
      },
    });
  } catch {
    return undefined;
  }
  const validate = ajv.compile(jsonSchema);
  return (input) => (validate(input) ? input : NOT_ACCEPTED);
}

function assertSafe(schema: unknown): void {
  type Def = {
    type: string;
    format?: string;
    catchall?: unknown;
    checks?: { _zod: { def: { check: string; format?: string } } }[];
  };
  const def = (schema as { _zod: { def: Def } })._zod.def;
  if (!SAFE_KINDS.has(def.type)) throw new Error(`${def.type} is left to zod`);
  if (def.type === 'object' && def.catchall !== undefined)
    throw new Error('strict and catch-all objects are left to zod');
  if (def.format !== undefined && !PATTERN_FORMATS.has(def.format))
    throw new Error(`${def.format} is left to zod`);
  for (const { _zod: check } of def.checks ?? []) {
    if (!SAFE_CHECKS.has(check.def.check)) throw new Error(`${check.def.check} is left to zod`);
    if (check.def.check === 'string_format' && !PATTERN_FORMATS.has(check.def.format ?? ''))
      throw new Error(`${check.def.format} is left to zod`);
  }
}
