import type { OpenAPIObject } from '@nestjs/swagger';
import { completeOpenApiDocument } from './openapi-document';

function documentWith(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas },
  } as OpenAPIObject;
}

describe('completeOpenApiDocument', () => {
  it('documents the shared error body on every operation, with 404 where the path names a resource', () => {
    const doc = completeOpenApiDocument(
      documentWith({
        '/things': { get: { responses: { 200: { description: 'list' } } } },
        '/things/{id}': {
          patch: { requestBody: { content: {} }, responses: { 200: { description: 'the thing' } } },
        },
      }),
    );
    expect(doc.components?.schemas?.ErrorBody).toMatchObject({ required: ['error'] });
    expect(Object.keys(doc.paths['/things'].get!.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '500',
      '503',
    ]);
    expect(Object.keys(doc.paths['/things/{id}'].patch!.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '422',
      '500',
      '503',
    ]);
    expect(doc.paths['/things/{id}'].patch!.responses[404]).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
    expect(doc.paths['/things'].get!.responses[200]).toEqual({ description: 'list' });
  });

  it('leaves the health checks with their own answers', () => {
    const health = { get: { responses: { 200: { description: 'up' }, 503: { description: 'down' } } } };
    const doc = completeOpenApiDocument(documentWith({ '/health/ready': structuredClone(health) }));
    expect(doc.paths['/health/ready']).toEqual(health);
  });

  it('rewrites the 2020-12 forms zod emits into OpenAPI 3.0 ones', () => {
    const doc = completeOpenApiDocument(
      documentWith(
        {},
        {
          Dto: {
            type: 'object',
            properties: {
              capacity: { type: 'integer', exclusiveMinimum: 0, nullable: true },
              share: { type: 'number', exclusiveMaximum: 1 },
              kind: { const: 'booth' },
              name: { type: ['string', 'null'], description: 'Name' },
              shares: {
                type: 'object',
                propertyNames: { type: 'string', minLength: 1, maxLength: 40 },
                additionalProperties: { type: 'number' },
                description: 'Shares',
              },
            },
          },
        },
      ),
    );
    const properties = (doc.components!.schemas!.Dto as { properties: Record<string, unknown> }).properties;
    expect(properties.capacity).toEqual({
      type: 'integer',
      minimum: 0,
      exclusiveMinimum: true,
      nullable: true,
    });
    expect(properties.share).toEqual({ type: 'number', maximum: 1, exclusiveMaximum: true });
    expect(properties.kind).toEqual({ enum: ['booth'] });
    expect(properties.name).toEqual({ type: 'string', nullable: true, description: 'Name' });
    expect(properties.shares).toEqual({
      type: 'object',
      additionalProperties: { type: 'number' },
      description: 'Shares Keys have at least 1 and at most 40 characters.',
    });
  });
});
