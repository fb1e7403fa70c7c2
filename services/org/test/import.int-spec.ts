import { OutboxWriter } from '@sangathan/messaging';
import { NATIONAL_ADMIN, type TopicProbe } from '@sangathan/testing';
import type { Connection } from 'mongoose';
import { AreaDocument, AreaSchema } from '../src/modules/areas/infrastructure/area.schema';
import { ImportInterruptedError, ImportService } from '../src/modules/import/application/import.service';
import {
  IMPORT_BATCH,
  type ImportBatchPort,
} from '../src/modules/import/application/ports/import-batch.port';
import { ImportBatchRepository } from '../src/modules/import/infrastructure/import-batch.repository';
import { ImportJobRepository } from '../src/modules/import/infrastructure/import-job.repository';
import { memberIntegrationEvents } from '../src/modules/members/application/member.integration-events';
import { Member } from '../src/modules/members/domain/member.entity';
import { MemberDocument, MemberSchema } from '../src/modules/members/infrastructure/member.schema';
import { ADMIN, AREA_HEADER, districtPresident, MEMBER_HEADER, OrgHarness } from './org-harness';

describe('bulk import of areas and members', () => {
  const org = new OrgHarness('org-import');
  let memberEvents: TopicProbe;

  beforeAll(async () => {
    await org.start();
    memberEvents = await org.probe('org.member.events');
    await org.seedTree();
  });
  afterAll(() => org.stop());

  const members = [
    {
      phone: '98765 00001',
      name: 'रमेश यादव',
      nameAlt: 'Ramesh Yadav',
      kind: 'worker',
      areaId: 'UP-AC-001-B0001',
    },
    {
      phone: '+91 98765 00002',
      name: 'Anita Pal',
      nameAlt: 'अनीता पाल',
      kind: 'volunteer',
      areaId: 'UP-AC-001-B0002',
    },
    { phone: '09876500003', name: 'Vikas Gupta', kind: '', areaId: 'up-ac-002-b0001' },
  ];

  it('imports a valid CSV, then changes nothing when the same file comes again', async () => {
    const first = await org.importCsv('members', MEMBER_HEADER, members).expect(200);
    expect(first.body).toMatchObject({
      status: 'done',
      total: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    await org.published(memberEvents, 'org.member.joined', (p) => p.name === 'Vikas Gupta');

    const again = await org.importCsv('members', MEMBER_HEADER, members).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const stored = await org.http().get('/members?under=UP&limit=10').set('Authorization', ADMIN).expect(200);
    expect(stored.body.items.map((m: { phone: string }) => m.phone).sort()).toEqual([
      '+919876500001',
      '+919876500002',
      '+919876500003',
    ]);
  });

  it('updates a member whose row changed (upsert by phone) and publishes org.member.updated', async () => {
    const changed = members.map((m, i) => (i === 1 ? { ...m, name: 'Anita Pal Singh' } : m));
    const res = await org.importCsv('members', MEMBER_HEADER, changed).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const { event } = await org.published(
      memberEvents,
      'org.member.updated',
      (p) => p.name === 'Anita Pal Singh',
    );
    expect(event.payload.changed).toEqual(['name']);
  });

  it('reports every bad row with its row and field, and writes nothing in strict mode', async () => {
    const bad = [
      { phone: '98765 00011', name: 'Good Row', areaId: 'UP-AC-001-B0001' },
      { phone: '12', name: 'Bad Phone', areaId: 'UP-AC-001-B0001' },
      { phone: '98765 00011', name: 'Same Phone', areaId: 'UP-AC-001-B0001' },
      { phone: '98765 00013', name: 'Nowhere', areaId: 'NOWHERE' },
      { phone: '98765 00014', name: 'Bad Kind', kind: 'boss', areaId: 'UP-AC-001-B0001' },
    ];
    const res = await org.importCsv('members', MEMBER_HEADER, bad).expect(400);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'rows[2].phone',
      'rows[3].phone',
      'rows[4].areaId',
      'rows[5].kind',
    ]);
    const none = await org.http().get('/members?under=UP&q=good').set('Authorization', ADMIN).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('writes the valid rows in partial mode and reports the rest', async () => {
    const rows = [
      { phone: '98765 00021', name: 'Partial Good', areaId: 'UP-AC-001-B0001' },
      { phone: '98765 00022', name: 'Partial Bad', areaId: 'NOWHERE' },
    ];
    const res = await org.importCsv('members', MEMBER_HEADER, rows, '?mode=partial').expect(200);
    expect(res.body).toMatchObject({ created: 1, rejected: 1, errors: [{ row: 2, field: 'areaId' }] });
  });

  it('validates area rows against the file and the database: levels, parents, cycles of bad parents, moves', async () => {
    const rows = [
      {
        code: 'UP-AC-001-M02',
        level: 'mandal',
        parentId: 'UP-AC-001',
        nameEn: 'New Mandal',
        nameHi: 'नया मंडल',
      },
      { code: 'UP-AC-001-B0099', level: 'booth', parentId: 'UP-D-ONE', nameEn: 'Booth under a district' },
      { code: 'UP-AC-001-M02-S01', level: 'sector', parentId: 'UP-AC-001-M02', nameEn: 'Fine sector' },
      { code: 'UP-X-S', level: 'sector', parentId: 'UP-AC-001-B0099', nameEn: 'Child of a bad row' },
      { code: 'UP-AC-001-M01', level: 'mandal', parentId: 'UP-AC-002', nameEn: 'Moved by import' },
      { code: 'UP-AC-001-M02', level: 'mandal', parentId: 'UP-AC-001', nameEn: 'Twice' },
    ];
    const res = await org.importCsv('areas', AREA_HEADER, rows).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'rows[2].parentId',
      'rows[4].parentId',
      'rows[5].parentId',
      'rows[6].code',
    ]);
    await org.http().get('/areas/UP-AC-001-M02').set('Authorization', ADMIN).expect(404);
  });

  it('refuses rows outside the caller’s area', async () => {
    const res = await org
      .importCsv(
        'areas',
        AREA_HEADER,
        [{ code: 'UP-AC-002-M09', level: 'mandal', parentId: 'UP-AC-002', nameEn: 'Not yours' }],
        '',
        districtPresident('UP-D-ONE'),
      )
      .expect(400);
    expect(res.body.error.details[0]).toMatchObject({
      field: 'rows[1].code',
      message: expect.stringContaining('outside your area'),
    });
  });

  it('shows an import’s progress to its starter and to writers above its area, not to another district', async () => {
    const rows = [{ phone: '9876500061', name: 'Scoped Import', areaId: 'UP-AC-001-B0001' }];
    const dpOne = districtPresident('UP-D-ONE');
    await org.importCsv('members', MEMBER_HEADER, rows, '?importId=scoped-import-1', dpOne).expect(200);
    const progress = (auth: string) => org.http().get('/imports/scoped-import-1').set('Authorization', auth);

    const other = await progress(districtPresident('UP-D-TWO')).expect(403);
    expect(other.body.error.code).toBe('OUT_OF_SCOPE');
    await progress(dpOne).expect(200);
    await progress(districtPresident('UP-D-ONE', 'dp-one-deputy')).expect(200);
    const admin = await progress(ADMIN).expect(200);
    expect(admin.body).toMatchObject({ importId: 'scoped-import-1', status: 'done', created: 1 });
  });

  it('refuses bytes that are not UTF-8 and unsupported formats', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('phone,name,areaId\n9876500031,'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from(',UP-AC-001-B0001\n'),
    ]);
    const res = await org
      .http()
      .post('/imports/members')
      .set('Authorization', ADMIN)
      .set('content-type', 'text/csv')
      .send(latin1)
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_UTF8', details: [{ field: 'body' }] });
    await org
      .http()
      .post('/imports/members')
      .set('Authorization', ADMIN)
      .set('content-type', 'application/xml')
      .send('<x/>')
      .expect(400);
  });

  it('stores quoted CSV cells as written: Devanagari with a comma and doubled quotes', async () => {
    const rows = [
      {
        phone: '9876500051',
        name: 'सुनीता "दीदी" वर्मा, लखनऊ',
        nameAlt: 'Sunita, "Didi"',
        areaId: 'UP-AC-001-B0001',
      },
    ];
    const res = await org.importCsv('members', MEMBER_HEADER, rows).expect(200);
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    const stored = await org.db().collection('members').findOne({ phone: '+919876500051' });
    expect(stored).toMatchObject({ name: rows[0].name, nameAlt: rows[0].nameAlt });
  });

  it('refuses a malformed CSV or NDJSON body naming the line, writing nothing', async () => {
    const csv =
      'phone,name,areaId\n9876500052,Fine Row,UP-AC-001-B0001\n9876500053,"Open Quote,UP-AC-001-B0001\n';
    const bad = await org
      .http()
      .post('/imports/members')
      .set('Authorization', ADMIN)
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(400);
    expect(bad.body.error).toMatchObject({
      code: 'INVALID_CSV',
      message: expect.stringMatching(/line 3/),
      details: [{ field: 'body' }],
    });
    const ndjson = [
      JSON.stringify({ phone: '9876500054', name: 'Fine Line', areaId: 'UP-AC-001-B0001' }),
      '',
      '{"phone": oops}',
    ].join('\n');
    const nd = await org
      .http()
      .post('/imports/members')
      .set('Authorization', ADMIN)
      .set('content-type', 'application/x-ndjson')
      .send(ndjson)
      .expect(400);
    expect(nd.body.error).toMatchObject({ code: 'INVALID_NDJSON', details: [{ field: 'rows[3]' }] });
    expect(
      await org
        .db()
        .collection('members')
        .countDocuments({ phone: { $in: ['+919876500052', '+919876500054'] } }),
    ).toBe(0);
  });

  it('answers 413 to a streamed import over the size limit and to a JSON import over the body limit, writing nothing', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      phone: `98765201${String(i).padStart(2, '0')}`,
      name: `Too Big ${i}`,
      areaId: 'UP-AC-001-B0001',
    }));
    process.env.IMPORT_MAX_BYTES = '1000';
    try {
      const csv = await org.importCsv('members', MEMBER_HEADER, rows).expect(413);
      expect(csv.body.error.code).toBe('IMPORT_TOO_LARGE');
    } finally {
      delete process.env.IMPORT_MAX_BYTES;
    }
    const json = await org
      .http()
      .post('/imports/members')
      .set('Authorization', ADMIN)
      .send({ rows, padding: 'p'.repeat(100 * 1024) })
      .expect(413);
    expect(json.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(
      await org
        .db()
        .collection('members')
        .countDocuments({ name: /^Too Big/ }),
    ).toBe(0);
  });

  it('accepts NDJSON and JSON bodies', async () => {
    const ndjson = [JSON.stringify({ phone: '9876500041', name: 'Nd Json', areaId: 'UP-AC-002-B0002' })].join(
      '\n',
    );
    const nd = await org
      .http()
      .post('/imports/members')
      .set('Authorization', ADMIN)
      .set('content-type', 'application/x-ndjson')
      .send(ndjson)
      .expect(200);
    expect(nd.body.created).toBe(1);
    const json = await org
      .http()
      .post('/imports/members')
      .set('Authorization', ADMIN)
      .send([{ phone: 9876500042, name: 'Json Row', areaId: 'UP-AC-002-B0002' }])
      .expect(200);
    expect(json.body.created).toBe(1);
  });

  it('resumes an interrupted import from its last finished chunk and reports progress', async () => {
    const importer = org.app.get(ImportService);
    const rows = Array.from({ length: 7 }, (_, i) => ({
      phone: `98765101${String(i).padStart(2, '0')}`,
      name: `Resume ${i}`,
      areaId: 'UP-AC-002-B0002',
    }));
    const options = {
      principal: NATIONAL_ADMIN,
      ctx: { actorId: 'test', correlationId: 'resume' },
      importId: 'resume-test-1',
      chunkSize: 2,
      log: () => undefined,
    };
    await expect(importer.importMembers(rows, { ...options, stopAfterChunks: 2 })).rejects.toBeInstanceOf(
      ImportInterruptedError,
    );
    const midway = await org.http().get('/imports/resume-test-1').set('Authorization', ADMIN).expect(200);
    expect(midway.body).toMatchObject({ status: 'running', doneOps: 4, ops: 7, created: 4 });

    const resumed = await importer.importMembers(rows, options);
    expect(resumed).toMatchObject({ status: 'done', resumedFrom: 4, created: 7 });
    expect(
      await org
        .db()
        .collection('members')
        .countDocuments({ name: /^Resume/ }),
    ).toBe(7);
    await expect(importer.importMembers(rows.slice(1), options)).rejects.toMatchObject({
      code: 'IMPORT_ID_REUSED',
    });
  });

  it('reports a document created meanwhile and an update that lost its version, and still writes the rest', async () => {
    const batches = org.app.get<ImportBatchPort>(IMPORT_BATCH);
    const home = {
      id: 'UP-AC-002-B0002',
      ancestors: (await batches.areaPaths(['UP-AC-002-B0002'])).get('UP-AC-002-B0002')!,
    };
    const register = (id: string, phone: string, name: string) => {
      const { member, event } = Member.register({
        id,
        phone,
        name,
        nameAlt: null,
        kind: 'worker',
        home,
        now: new Date(),
        by: 'test',
      });
      return {
        entity: member,
        events: memberIntegrationEvents([event], { actorId: 'test', correlationId: 'race' }),
      };
    };
    const taken = register('race-taken', '+919876500001', 'Same phone as Ramesh'); // imported above
    const fresh = register('race-fresh', '+919876520001', 'Race Fresh');
    const stale = (await batches.membersByPhone(['+919876500002'])).get('+919876500002')!;
    const event = stale.value.update({
      name: 'Stale Rename',
      home: { id: stale.value.areaId, ancestors: stale.value.ancestors },
    });
    const conflicts = await batches.writeMembers(
      {
        inserts: [taken, fresh],
        updates: [
          {
            id: stale.value.id,
            version: stale.version - 1,
            entity: stale.value,
            events: memberIntegrationEvents([event!], { actorId: 'test', correlationId: 'race' }),
          },
        ],
      },
      () => [],
    );
    expect(conflicts).toEqual({
      createdMeanwhile: ['race-taken was created by someone else during the import'],
      notUpdated: ['1 document(s) changed during the import and were not updated; re-run the import'],
    });
    const members = org.db().collection('members');
    expect(await members.countDocuments({ _id: 'race-fresh' as never })).toBe(1);
    expect(await members.countDocuments({ name: 'Stale Rename' })).toBe(0);
    await org.published(memberEvents, 'org.member.joined', (p) => p.memberId === 'race-fresh');
  });

  it('imports the generated demo data for a district (real names, synthetic booths) idempotently', async () => {
    const { generateUp, SMALL } = await import('../src/modules/generator/domain/up-generator');
    const { loadUpReference } = await import('../src/modules/generator/infrastructure/up-reference.loader');
    const { areas, members: people } = generateUp(loadUpReference(), { ...SMALL, districts: ['lucknow'] });
    // A database of its own: the fixture tree places UP-AC-001 elsewhere than the real data does.
    const connection = org.db().useDb(`${org.isolation.dbName('org')}-generated`);
    const db = connection.db!;
    const importer = importerOn(connection, org.app.get(OutboxWriter));
    const options = { principal: NATIONAL_ADMIN, ctx: { actorId: 'test', correlationId: 'gen' } };
    const report = await importer.importAreas(areas, options);
    expect(report).toMatchObject({ created: areas.length, errors: [] });
    const underLucknow = await db
      .collection('areas')
      .find({ ancestors: 'UP-D-LUCKNOW' }, { projection: { level: 1 } })
      .toArray();
    const perLevel = underLucknow.reduce<Record<string, number>>(
      (acc, a) => ({ ...acc, [a.level]: (acc[a.level] ?? 0) + 1 }),
      {},
    );
    expect(perLevel).toEqual({ assembly: 9, mandal: 9, sector: 9, booth: 18 });
    expect(await db.collection('areas').countDocuments({ level: 'lok-sabha' })).toBe(80);
    const peopleReport = await importer.importMembers(people, options);
    expect(peopleReport.created).toBe(36);
    const again = await importer.importAreas(areas, options);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: areas.length });
    await db.dropDatabase();
  });
});

/** The import service on another database of the same server, written through the app's outbox writer. */
function importerOn(connection: Connection, writer: OutboxWriter): ImportService {
  const batches = new ImportBatchRepository(
    connection.model(AreaDocument.name, AreaSchema),
    connection.model(MemberDocument.name, MemberSchema),
    writer,
  );
  return new ImportService(batches, new ImportJobRepository(connection));
}
