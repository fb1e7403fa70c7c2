import type { INestApplication } from '@nestjs/common';
import { bearer, isolateTest, NATIONAL_ADMIN, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { createServiceApp } from '../src';
import { NotesController, NotesTestModule } from './notes-test.module';

const SERVICE = { name: 'notes', title: 'Notes', description: 'test service', defaultPort: 0 };
const analyst = { sub: 'a-1', roles: ['analyst' as const], areaId: 'IN', areaPath: [] };

async function startApp(dbName: string, env: Record<string, string> = {}): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, { MONGODB_DB: dbName }, env);
  try {
    const app = await createServiceApp(NotesTestModule, SERVICE);
    await app.init();
    return app;
  } finally {
    process.env = saved;
  }
}

describe('service defaults (health, errors, auth, idempotency) on the real broker and database', () => {
  const isolation = isolateTest('defaults');
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApp(isolation.dbName('notes'));
    await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'ready',
      timeoutMs: 30_000,
    });
  });
  afterAll(async () => app?.close());

  it('reports liveness and readiness with MongoDB and Kafka up', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ mongodb: { status: 'up' }, kafka: { status: 'up' } });
  });

  it('serves Prometheus metrics and the OpenAPI document without a token', async () => {
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('# HELP');
    const openapi = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toContain('/notes');
  });

  it('refuses a request without a token with a machine-readable 401', async () => {
    const res = await request(app.getHttpServer())
      .post('/notes')
      .send({ text: 'x', areaId: 'IN' })
      .expect(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a role without the permission with 403', async () => {
    const res = await request(app.getHttpServer())
      .post('/notes')
      .set('Authorization', bearer(analyst))
      .send({ text: 'x', areaId: 'IN' })
      .expect(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('names every invalid field in a 400 and writes nothing', async () => {
    const before = NotesController.writes;
    const res = await request(app.getHttpServer())
      .post('/notes')
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .send({ text: '' })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['areaId', 'text']);
    expect(NotesController.writes).toBe(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await request(app.getHttpServer())
      .post('/notes')
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .set('Content-Type', 'application/json')
      .send('{"text": ')
      .expect(400);
    expect(res.body.error.code).toBeDefined();
  });

  it('answers a body over the size limit with 413 and the error body, and writes nothing', async () => {
    const before = NotesController.writes;
    const res = await request(app.getHttpServer())
      .post('/notes')
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .send({ text: 'x', areaId: 'IN', padding: 'p'.repeat(100 * 1024) })
      .expect(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ field: 'body' }] });
    expect(NotesController.writes).toBe(before);
  });

  it('refuses a JSON body that is not valid UTF-8 with 400, and writes nothing', async () => {
    const before = NotesController.writes;
    const body = Buffer.concat([
      Buffer.from('{"text":"bad '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","areaId":"IN"}'),
    ]);
    const res = await request(app.getHttpServer())
      .post('/notes')
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .set('Content-Type', 'application/json')
      .serialize((raw: Buffer) => raw as unknown as string) // bytes as they are, not JSON of a Buffer
      .send(body)
      .expect(400);
    expect(res.body.error.code).toBe('INVALID_UTF8');
    expect(NotesController.writes).toBe(before);
  });

  it.each(['under[$gt]=', 'under[$ne]=x', 'under[]=a', 'under=%FF', 'under=%'])(
    'refuses the query string ?%s with 400',
    async (query) => {
      const created = await request(app.getHttpServer())
        .post('/notes')
        .set('Authorization', bearer(NATIONAL_ADMIN))
        .send({ text: 'q', areaId: 'IN' })
        .expect(201);
      const res = await request(app.getHttpServer())
        .get(`/notes/${created.body.id}?${query}`)
        .set('Authorization', bearer(NATIONAL_ADMIN))
        .expect(400);
      expect(res.body.error.code).toMatch(/^(UNSUPPORTED_QUERY|INVALID_UTF8)$/);
    },
  );

  it('accepts plain and repeated query parameters, Devanagari included', async () => {
    const created = await request(app.getHttpServer())
      .post('/notes')
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .send({ text: 'q', areaId: 'IN' })
      .expect(201);
    await request(app.getHttpServer())
      .get(`/notes/${created.body.id}?a=1&a=2&name=${encodeURIComponent('लखनऊ')}&flag`)
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .expect(200);
  });

  it('replays the first response for a repeated Idempotency-Key without writing twice', async () => {
    const send = (text: string) =>
      request(app.getHttpServer())
        .post('/notes')
        .set('Authorization', bearer(NATIONAL_ADMIN))
        .set('Idempotency-Key', 'note-key-0001')
        .send({ text, areaId: 'IN' });
    const first = await send('नमस्ते').expect(201);
    const writes = NotesController.writes;
    const second = await send('नमस्ते').expect(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(NotesController.writes).toBe(writes);
    const reused = await send('different').expect(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('returns a Devanagari body intact', async () => {
    const created = await request(app.getHttpServer())
      .post('/notes')
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .send({ text: 'बूथ समिति', areaId: 'IN' })
      .expect(201);
    const read = await request(app.getHttpServer())
      .get(`/notes/${created.body.id}`)
      .set('Authorization', bearer(NATIONAL_ADMIN))
      .expect(200);
    expect(read.body.text).toBe('बूथ समिति');
  });
});

describe('service defaults when dependencies are down', () => {
  const isolation = isolateTest('defaults-down');

  it('is not ready while Kafka is unreachable, and says why', async () => {
    const app = await startApp(isolation.dbName('nokafka'), { KAFKA_BROKERS: '127.0.0.1:1' });
    try {
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body.error ?? res.body.details).toMatchObject({ kafka: { status: 'down' } });
      await request(app.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await app.close();
    }
  });

  it('answers writes with 503 DATABASE_UNAVAILABLE while MongoDB is unreachable', async () => {
    const app = await startApp(isolation.dbName('nomongo'), { MONGODB_URI: 'mongodb://127.0.0.1:1' });
    try {
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(ready.body.error ?? ready.body.details).toMatchObject({ mongodb: { status: 'down' } });
      const res = await request(app.getHttpServer())
        .post('/notes')
        .set('Authorization', bearer(NATIONAL_ADMIN))
        .send({ text: 'x', areaId: 'IN' })
        .expect(503);
      expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await app.close();
    }
  });
});
