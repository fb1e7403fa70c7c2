import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
type Operation = { requestBody?: unknown; responses: Record<string, unknown> };

/** The body of every error answer (`HttpErrorFilter` in @sangathan/http). */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: {
          type: 'string',
          description: 'Machine-readable reason, e.g. VALIDATION_FAILED, NOT_FOUND, PERMISSION_DENIED',
        },
        message: { type: 'string', description: 'What went wrong, for people' },
        details: {
          type: 'array',
          description: 'One entry per failing field or rule',
          items: {
            type: 'object',
            required: ['message'],
            properties: { field: { type: 'string' }, message: { type: 'string' } },
          },
        },
        traceId: { type: 'string', description: 'The trace of this request, for the logs' },
      },
    },
  },
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ERROR_REF } } };
}

/** The error answers an operation can give, from what the shared pipeline does for every route. */
function errorResponses(path: string, method: string, operation: Operation): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    400: errorResponse(
      'The request is not valid: VALIDATION_FAILED lists each failing field; MALFORMED_JSON, BAD_REQUEST',
    ),
    401: errorResponse('No bearer token (UNAUTHENTICATED) or an invalid one (INVALID_TOKEN)'),
    403: errorResponse("The caller's role or area scope does not allow it (PERMISSION_DENIED)"),
    500: errorResponse('Unexpected error (INTERNAL); the traceId finds it in the logs'),
    503: errorResponse('The database is unreachable (DATABASE_UNAVAILABLE); retry later'),
  };
  if (path.includes('{'))
    responses[404] = errorResponse('A resource named in the path does not exist (NOT_FOUND)');
  if (WRITE_METHODS.has(method)) {
    responses[404] ??= errorResponse('A resource the request refers to does not exist (NOT_FOUND)');
    responses[409] = errorResponse('The change conflicts with the current state (e.g. DUPLICATE)');
    responses[422] = errorResponse('The request cannot be applied as asked (e.g. IDEMPOTENCY_KEY_REUSED)');
  }
  if (operation.requestBody)
    responses[413] = errorResponse('The body is larger than the service accepts (PAYLOAD_TOO_LARGE)');
  return responses;
}

/**
 * Rewrites JSON Schema 2020-12 forms that zod emits into their OpenAPI 3.0 equivalents, in place:
 * numeric `exclusiveMinimum`/`exclusiveMaximum` become `minimum`/`maximum` with a boolean, `const` an
 * `enum` of one, a `type` list with `null` a type with `nullable`, and `propertyNames` (no 3.0 form) moves into
 * the description.
 */
function toOpenApi30Schema(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(toOpenApi30Schema);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Json;
  for (const [bound, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (typeof schema[exclusive] === 'number') {
      schema[bound] = schema[exclusive];
      schema[exclusive] = true;
    }
  }
  if (Array.isArray(schema.type)) {
    const types = (schema.type as unknown[]).filter((t) => t !== 'null');
    if (types.length < schema.type.length) schema.nullable = true;
    if (types.length === 1) schema.type = types[0];
    else if (types.length === 0) delete schema.type;
  }
  if ('const' in schema) {
    schema.enum = [schema.const];
    delete schema.const;
  }
  if (typeof schema.propertyNames === 'object' && schema.propertyNames !== null) {
    const names = schema.propertyNames as Json;
    const rule = [
      names.minLength !== undefined && `at least ${String(names.minLength)}`,
      names.maxLength !== undefined && `at most ${String(names.maxLength)}`,
    ]
      .filter(Boolean)
      .join(' and ');
    schema.description = [schema.description, rule && `Keys have ${rule} characters.`]
      .filter(Boolean)
      .join(' ');
    delete schema.propertyNames;
  }
  for (const value of Object.values(schema)) toOpenApi30Schema(value);
}

/**
 * Completes a service's generated OpenAPI 3.0 document: the shared error body as a component, the error answers
 * of every operation (the health checks keep their own), and schemas in 3.0 form so that validators and client
 * generators accept the document.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  toOpenApi30Schema(document.paths);
  toOpenApi30Schema(document.components?.schemas);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA as never },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    if (path.startsWith('/health')) continue;
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (!operation?.responses) continue;
      operation.responses = { ...errorResponses(path, method, operation), ...operation.responses };
    }
  }
  return document;
}
