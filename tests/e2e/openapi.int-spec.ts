import type { INestApplication, Type } from '@nestjs/common';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ServiceDescription } from '@sangathan/bootstrap';
import { createServiceApp } from '@sangathan/bootstrap';
import {
  bearer,
  isolateTest,
  NATIONAL_ADMIN,
  OpenApiResponses,
  type OpenApiDocument,
} from '@sangathan/testing';
import request from 'supertest';
import { AppModule as AnalyticsAppModule } from '../../services/analytics/src/app.module';
import { ANALYTICS_SERVICE_DESCRIPTION } from '../../services/analytics/src/service';
import { AppModule as PanelAppModule } from '../../services/candidates-panel/src/app.module';
import { PANEL_SERVICE_DESCRIPTION } from '../../services/candidates-panel/src/service';
import { AppModule as MeetingsAppModule } from '../../services/meetings/src/app.module';
import { MEETINGS_SERVICE_DESCRIPTION } from '../../services/meetings/src/service';
import { AppModule as OrgAppModule } from '../../services/org/src/app.module';
import { ORG_SERVICE_DESCRIPTION } from '../../services/org/src/service';
import { AppModule as TrainingAppModule } from '../../services/training-events/src/app.module';
import { TRAINING_SERVICE_DESCRIPTION } from '../../services/training-events/src/service';

const SERVICES: [Type<unknown>, ServiceDescription][] = [
  [OrgAppModule, ORG_SERVICE_DESCRIPTION],
  [MeetingsAppModule, MEETINGS_SERVICE_DESCRIPTION],
  [PanelAppModule, PANEL_SERVICE_DESCRIPTION],
  [TrainingAppModule, TRAINING_SERVICE_DESCRIPTION],
  [AnalyticsAppModule, ANALYTICS_SERVICE_DESCRIPTION],
];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe.each(SERVICES)('the OpenAPI document of %p', (appModule, service) => {
  const isolation = isolateTest(`openapi-${service.name}`);
  let app: INestApplication;
  let document: OpenApiDocument;

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName(service.name);
    app = await createServiceApp(appModule, service);
    await app.init();
    delete process.env.MONGODB_DB;
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200))
      .body as OpenApiDocument;
  });
  afterAll(async () => app?.close());

  it(`is a valid OpenAPI ${'3.0'} document (${service.name})`, async () => {
    expect(document.openapi).toMatch(/^3\.0\./);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('is also served at /docs-json', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json').expect(301);
    expect(res.headers.location).toBe('/docs/openapi.json');
  });

  it('documents every answer each operation gives, with or without a token, with the bodies it describes', async () => {
    const contract = await OpenApiResponses.of(document);
    const problems: string[] = [];
    let calls = 0;
    for (const [path, item] of Object.entries(contract.document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        // Ids no test created: the answers are the error paths (404, 400, …) that clients must also expect.
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => `no-such-${name.toLowerCase()}`);
        const json = operation.requestBody?.content?.['application/json'] !== undefined;
        for (const token of [bearer(NATIONAL_ADMIN), undefined]) {
          let call = request(app.getHttpServer())[method](url);
          if (token) call = call.set('Authorization', token);
          const res = await (json ? call.send({}) : call);
          calls++;
          for (const problem of contract.problems(method, path, res)) {
            problems.push(`${method.toUpperCase()} ${path}${token ? '' : ' (no token)'}: ${problem}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
