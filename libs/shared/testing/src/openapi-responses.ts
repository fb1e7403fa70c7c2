import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
export type OpenApiOperation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, Response>;
};
export type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, OpenApiOperation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const isSuccess = (status: string | number): boolean => /^2\d\d$/.test(String(status));
/**
 * A copy of an OpenAPI 3.0 schema in the JSON Schema form Ajv reads: 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum`
 * (which qualify `minimum`/`maximum`) become the numeric bounds of later drafts, and `nullable` beside a
 * composition with no `type` (`{ oneOf: [...], nullable: true }`, as zod's nullable unions come out) an `anyOf` with null,
 * since Ajv reads `nullable` only next to `type`.
 */
function toAjvSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toAjvSchema);
  if (typeof node !== 'object' || node === null) return node;
  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, toAjvSchema(value)]));
  for (const [bound, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (schema[exclusive] === true) {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else if (schema[exclusive] === false) delete schema[exclusive];
  }
  if (schema.nullable === true && schema.type === undefined) {
    const { nullable: _nullable, ...rest } = schema;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return schema;
}

const mediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0].trim().toLowerCase();

/**
 * Checks answers against a service's OpenAPI document: the status must be documented for the operation, a success
 * answer must have a documented body (its media type, and for JSON its schema), and a JSON body must match its
 * schema (OpenAPI 3.0; `nullable` is one of Ajv's own keywords).
 */
export class OpenApiResponses {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly compiled = new Map<Schema, ValidateFunction>();

  private constructor(readonly document: OpenApiDocument) {}

  /** From the document as served (`/docs/openapi.json`), with every `$ref` resolved. */
  static async of(document: OpenApiDocument): Promise<OpenApiResponses> {
    return new OpenApiResponses(
      (await SwaggerParser.dereference(structuredClone(document) as never)) as unknown as OpenApiDocument,
    );
  }

  /** Every operation of the document, as `[method, path template, operation]`. */
  operations(): [string, string, OpenApiOperation][] {
    return Object.entries(this.document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) =>
        item[method] ? [[method, path, item[method]] as [string, string, OpenApiOperation]] : [],
      ),
    );
  }

  /**
   * Operations whose success answer is not described, each with the reason: no 2xx answer at all, or a 2xx answer
   * (other than 204) with no body, or a JSON body with no schema (or an empty one, which says nothing).
   */
  undocumentedSuccess(): string[] {
    const problems: string[] = [];
    for (const [method, path, operation] of this.operations()) {
      const name = `${method.toUpperCase()} ${path}`;
      const successes = Object.entries(operation.responses).filter(([status]) => isSuccess(status));
      if (successes.length === 0) problems.push(`${name}: no success answer`);
      for (const [status, response] of successes) {
        if (status === '204') continue;
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) problems.push(`${name}: ${status} has no body`);
        for (const [type, { schema }] of media) {
          if (!schema || Object.keys(schema).length === 0)
            problems.push(`${name}: ${status} ${type} has no schema`);
          else if (type === 'application/json' && !schema.type && !schema.allOf && !schema.oneOf)
            problems.push(`${name}: ${status} ${type} schema has no type`);
        }
      }
    }
    return problems;
  }

  /** What is wrong with an answer to `method path` (the path template, e.g. `/meetings/{id}`); empty when nothing. */
  problems(
    method: string,
    path: string,
    answer: { status: number; headers: Record<string, string>; body: unknown },
  ): string[] {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method.toUpperCase()} ${path} is not in the document`];
    const documented = operation.responses[String(answer.status)] ?? operation.responses.default;
    if (!documented)
      return [
        `answered ${answer.status}, which is not documented (${Object.keys(operation.responses).join(', ')})`,
      ];
    const type = mediaType(answer.headers['content-type']);
    const content = documented.content ?? {};
    if (isSuccess(answer.status) && answer.status !== 204) {
      if (!content[type])
        return [
          `${answer.status} answered ${type || 'no content type'}, documented ${Object.keys(content).join(', ') || 'no body'}`,
        ];
    }
    const schema = content['application/json']?.schema;
    if (!schema || type !== 'application/json') return [];
    let validate = this.compiled.get(schema);
    if (!validate) this.compiled.set(schema, (validate = this.ajv.compile(toAjvSchema(schema) as Schema)));
    return validate(answer.body)
      ? []
      : [`${answer.status} body does not match the document: ${this.ajv.errorsText(validate.errors)}`];
  }
}
