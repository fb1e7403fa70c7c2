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

/**
 * Checks answers against a service's OpenAPI document: the status must be documented for the operation and a JSON
 * body must match its schema (OpenAPI 3.0; `nullable` is one of Ajv's own keywords).
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
    const schema = documented.content?.['application/json']?.schema;
    if (!schema || !answer.headers['content-type']?.startsWith('application/json')) return [];
    let validate = this.compiled.get(schema);
    if (!validate) this.compiled.set(schema, (validate = this.ajv.compile(schema)));
    return validate(answer.body)
      ? []
      : [`${answer.status} body does not match the document: ${this.ajv.errorsText(validate.errors)}`];
  }
}
