import { OpenApiResponses, type OpenApiDocument } from './openapi-responses';

const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });
const answer = (status: number, body: unknown, type = 'application/json; charset=utf-8') => ({
  status,
  headers: { 'content-type': type },
  body,
});

const area = {
  type: 'object',
  required: ['id', 'geo', 'count'],
  properties: {
    id: { type: 'string' },
    count: { type: 'integer', minimum: 0, exclusiveMinimum: true },
    geo: {
      oneOf: [{ type: 'object', required: ['lat'], properties: { lat: { type: 'number' } } }],
      nullable: true,
    },
  },
};

const document: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/areas/{id}': { get: { responses: { 200: { description: 'ok', ...json(area) } } } },
    '/areas': { post: { responses: { 201: { description: 'created' } } } },
    '/areas/{id}/ping': { post: { responses: { 204: { description: 'done' } } } },
    '/areas/{id}/pdf': {
      get: {
        responses: {
          200: {
            description: 'file',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    '/areas/{id}/counts': {
      get: { responses: { 200: { description: 'untyped', ...json({}) }, 404: { description: 'no' } } },
    },
    '/health': { get: { responses: { 404: { description: 'never found' } } } },
  },
};

describe('OpenApiResponses', () => {
  it('names each operation whose success answer is not described, and only those', async () => {
    const contract = await OpenApiResponses.of(document);
    expect(contract.operations()).toHaveLength(6);
    expect(contract.undocumentedSuccess()).toEqual([
      'POST /areas: 201 has no body',
      'GET /areas/{id}/counts: 200 application/json has no schema',
      'GET /health: no success answer',
    ]);
  });

  it('accepts an answer that matches, reading 3.0 exclusive bounds and nullable compositions', async () => {
    const contract = await OpenApiResponses.of(document);
    expect(contract.problems('get', '/areas/{id}', answer(200, { id: 'A', count: 1, geo: null }))).toEqual(
      [],
    );
    expect(
      contract.problems('get', '/areas/{id}', answer(200, { id: 'A', count: 2, geo: { lat: 26.8 } })),
    ).toEqual([]);
  });

  it('refuses a body that does not match: a bound, a wrong type, a missing field', async () => {
    const contract = await OpenApiResponses.of(document);
    for (const body of [
      { id: 'A', count: 0, geo: null },
      { id: 'A', count: 1, geo: 'here' },
      { id: 'A', count: 1 },
    ]) {
      expect(contract.problems('get', '/areas/{id}', answer(200, body))).toEqual([
        expect.stringContaining('body does not match the document'),
      ]);
    }
  });

  it('refuses a success answer in a media type the document does not give, and an undocumented status', async () => {
    const contract = await OpenApiResponses.of(document);
    expect(contract.problems('get', '/areas/{id}/pdf', answer(200, 'x', 'application/pdf'))).toEqual([]);
    expect(contract.problems('get', '/areas/{id}/pdf', answer(200, {}))).toEqual([
      '200 answered application/json, documented application/pdf',
    ]);
    expect(contract.problems('post', '/areas/{id}/ping', answer(204, '', ''))).toEqual([]);
    expect(contract.problems('get', '/areas/{id}', answer(418, {}))).toEqual([
      'answered 418, which is not documented (200)',
    ]);
  });
});
