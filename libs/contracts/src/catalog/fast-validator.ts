import type { z } from 'zod';

import { NOT_ACCEPTED } from './contract-check';
export { NOT_ACCEPTED };

/** Returns zod's output for input zod accepts, or NOT_ACCEPTED; never accepts what zod rejects. */
export type FastValidator = (input: unknown) => unknown;

type Check = (value: never) => boolean;

/** The parts of zod 4's internal schema description this compiler reads. */
type ZodInternals = {
  def: {
    type: string;
    checks?: { _zod: { def: { check: string; format?: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; pattern?: RegExp } } }[];
    format?: string;
    pattern?: RegExp;
    shape?: Record<string, z.ZodType>;
    catchall?: unknown;
    element?: z.ZodType;
    innerType?: z.ZodType;
    keyType?: z.ZodType;
    valueType?: z.ZodType;
  };
  pattern?: RegExp;
  values?: ReadonlySet<unknown>;
};

const internals = (schema: z.ZodType): ZodInternals => (schema as unknown as { _zod: ZodInternals })._zod;

/**
 * Compiles a zod schema into a plain function that accepts exactly a subset of what the schema accepts and returns
 * the same output, or undefined when the schema uses anything it does not know (the caller then always uses zod).
 *
 * Why: consumers validate every message against its contract, and zod's generic machinery (a context, an issue
 * list and a result object per node) costs ~5 µs and ~1 KB of garbage per event, as much as the broker client's
 * own decoding. The contracts use a small vocabulary (objects that strip unknown keys, records with string keys,
 * strings with length and pattern checks, safe integers with bounds, enums, literals, arrays, nullable and
 * optional), compiled here; anything else (enum-keyed records, unions, transforms, defaults, refinements) is left
 * to zod. Only acceptance is fast:
 * a message this rejects goes through zod, which gives the reason. `fast-validator.spec.ts` checks it against zod.
 */
export function compileFastValidator(schema: z.ZodType): FastValidator | undefined {
  const zod = internals(schema);
  const { def } = zod;
  switch (def.type) {
    case 'string': {
      const checks = compileChecks(def.checks, 'string');
      if (!checks) return undefined;
      if (def.format !== undefined) {
        // A string format (here: ISO date-times) is its pattern and nothing else.
        const pattern = def.format === 'datetime' ? (def.pattern ?? zod.pattern) : undefined;
        if (!pattern) return undefined;
        checks.push((value: string) => matches(pattern, value));
      }
      return (input) => (typeof input === 'string' && passes(checks, input) ? input : NOT_ACCEPTED);
    }
    case 'number': {
      const checks = compileChecks(def.checks, 'number');
      if (!checks) return undefined;
      return (input) => (typeof input === 'number' && Number.isFinite(input) && passes(checks, input) ? input : NOT_ACCEPTED);
    }
    case 'boolean':
      return def.checks?.length ? undefined : (input) => (typeof input === 'boolean' ? input : NOT_ACCEPTED);
    case 'unknown':
      return (input) => input;
    case 'enum':
    case 'literal': {
      const values = zod.values;
      if (!values || def.checks?.length) return undefined;
      return (input) => (values.has(input) ? input : NOT_ACCEPTED);
    }
    case 'nullable': {
      const inner = def.innerType && compileFastValidator(def.innerType);
      if (!inner) return undefined;
      return (input) => (input === null ? null : inner(input));
    }
    case 'array': {
      const element = def.element && compileFastValidator(def.element);
      const checks = compileChecks(def.checks, 'array');
      if (!element || !checks) return undefined;
      return (input) => {
        if (!Array.isArray(input) || !passes(checks, input)) return NOT_ACCEPTED;
        let output: unknown[] | undefined; // a copy only once an element's output differs from its input
        for (let i = 0; i < input.length; i++) {
          const value = element(input[i]);
          if (value === NOT_ACCEPTED) return NOT_ACCEPTED;
          if (value !== input[i]) output ??= input.slice(0, i);
          output?.push(value);
        }
        return output ?? input;
      };
    }
    case 'object':
      return compileObject(def);
    case 'record':
      return compileRecord(def);
    default:
      return undefined;
  }
}

function compileObject(def: ZodInternals['def']): FastValidator | undefined {
  // Only plain z.object (unknown keys stripped): strict, loose and catchall objects are zod's.
  if (!def.shape || def.catchall !== undefined || def.checks?.length) return undefined;
  const fields: { key: string; optional: boolean; validate: FastValidator }[] = [];
  for (const [key, field] of Object.entries(def.shape)) {
    const fieldDef = internals(field).def;
    const optional = fieldDef.type === 'optional';
    const validate = compileFastValidator(optional ? fieldDef.innerType! : field);
    if (!validate) return undefined;
    fields.push({ key, optional, validate });
  }
  const copy = (source: Record<string, unknown>): unknown => {
    const output: Record<string, unknown> = {};
    for (const { key, optional, validate } of fields) {
      const value = source[key];
      if (value === undefined) {
        if (!optional) return NOT_ACCEPTED;
        if (key in source) output[key] = undefined; // as zod: an absent optional key stays absent
        continue;
      }
      const checked = validate(value);
      if (checked === NOT_ACCEPTED) return NOT_ACCEPTED;
      output[key] = checked;
    }
    return output;
  };
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return NOT_ACCEPTED;
    const source = input as Record<string, unknown>;
    // Usually the message has exactly the contract's fields: then zod's output equals the input, and the input
    // is returned instead of a copy (a JSON value nobody else holds). Otherwise a copy without the other keys.
    let own = 0;
    let unchanged = true;
    for (const { key, optional, validate } of fields) {
      const value = source[key];
      if (value === undefined) {
        if (!optional) return NOT_ACCEPTED;
        if (key in source) unchanged = false;
        continue;
      }
      const checked = validate(value);
      if (checked === NOT_ACCEPTED) return NOT_ACCEPTED;
      if (checked !== value || !Object.prototype.hasOwnProperty.call(source, key)) unchanged = false;
      own++;
    }
    return unchanged && ownKeyCount(source) === own ? input : copy(source);
  };
}

/** Own enumerable string keys, counted without allocating. */
function ownKeyCount(source: object): number {
  let count = 0;
  for (const key in source) if (Object.prototype.hasOwnProperty.call(source, key)) count++;
  return count;
}

function compileRecord(def: ZodInternals['def']): FastValidator | undefined {
  // Only string keys: a record keyed by an enum or literal must have every key (zod checks that), left to zod.
  if (!def.keyType || !def.valueType || def.checks?.length || internals(def.keyType).def.type !== 'string') return undefined;
  const key = compileFastValidator(def.keyType);
  const value = compileFastValidator(def.valueType);
  if (!key || !value) return undefined;
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return NOT_ACCEPTED;
    if (!isPlainObject(input)) return NOT_ACCEPTED;
    const source = input as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    let unchanged = true;
    for (const k of Reflect.ownKeys(source)) {
      if (k === '__proto__') {
        unchanged = false; // zod skips it too
        continue;
      }
      if (key(k) === NOT_ACCEPTED) return NOT_ACCEPTED;
      const checked = value(source[k as string]);
      if (checked === NOT_ACCEPTED) return NOT_ACCEPTED;
      if (checked !== source[k as string]) unchanged = false;
      output[k as string] = checked;
    }
    return unchanged ? input : output;
  };
}

/** The checks of a string, number or array schema, or undefined if one of them is not known here. */
function compileChecks(checks: ZodInternals['def']['checks'], kind: 'string' | 'number' | 'array'): Check[] | undefined {
  const compiled: Check[] = [];
  for (const check of checks ?? []) {
    const c = check._zod.def;
    if ((c.check === 'min_length' && kind !== 'number') || (c.check === 'max_length' && kind !== 'number')) {
      const bound = c.check === 'min_length' ? c.minimum : c.maximum;
      if (typeof bound !== 'number') return undefined;
      compiled.push(c.check === 'min_length' ? (v: { length: number }) => v.length >= bound : (v: { length: number }) => v.length <= bound);
    } else if (c.check === 'string_format' && kind === 'string' && c.format === 'regex' && c.pattern instanceof RegExp) {
      const pattern = c.pattern;
      compiled.push((v: string) => matches(pattern, v));
    } else if (c.check === 'number_format' && kind === 'number' && c.format === 'safeint') {
      compiled.push((v: number) => Number.isSafeInteger(v));
    } else if ((c.check === 'greater_than' || c.check === 'less_than') && kind === 'number' && typeof c.value === 'number') {
      const { value, inclusive } = c;
      if (c.check === 'greater_than') compiled.push(inclusive ? (v: number) => v >= value : (v: number) => v > value);
      else compiled.push(inclusive ? (v: number) => v <= value : (v: number) => v < value);
    } else {
      return undefined;
    }
  }
  return compiled;
}

/** zod's test for a record's input (any realm's Object, or no prototype): what JSON.parse gives. */
function isPlainObject(input: object): boolean {
  const ctor = (input as { constructor?: unknown }).constructor;
  if (ctor === undefined) return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  return typeof proto === 'object' && proto !== null && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

function matches(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0; // as zod does: a global pattern keeps state between calls
  return pattern.test(value);
}

function passes(checks: Check[], value: unknown): boolean {
  for (const check of checks) if (!check(value as never)) return false;
  return true;
}
