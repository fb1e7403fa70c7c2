import type { Principal } from '@sangathan/auth';
import { NATIONAL_ADMIN } from '@sangathan/testing';
import { Area } from '../../areas/domain/area.entity';
import type { Versioned } from './ports/import-batch.port';
import { planAreaImport } from './plan-area-import';

const ctx = { actorId: 'test', correlationId: 'plan-areas' };

/** A stored zone, district and assembly seat (UP-Z-LUCKNOW > UP-D-LUCKNOW > UP-AC-173), and the Lok Sabha seat UP-LS-35. */
function storedTree(): Map<string, Versioned<Area>> {
  const { area: zone } = Area.create({
    code: 'UP-Z-LUCKNOW',
    level: 'zone',
    parent: { id: 'UP', level: 'state', ancestors: ['IN'], lokSabhaId: null },
    nameEn: 'Lucknow zone',
    nameHi: null,
  });
  const { area: district } = Area.create({
    code: 'UP-D-LUCKNOW',
    level: 'district',
    parent: { id: zone.id, level: 'zone', ancestors: zone.ancestors, lokSabhaId: null },
    nameEn: 'Lucknow',
    nameHi: 'लखनऊ',
  });
  const { area: seat } = Area.create({
    code: 'UP-LS-35',
    level: 'lok-sabha',
    parent: { id: 'UP', level: 'state', ancestors: ['IN'], lokSabhaId: null },
    nameEn: 'Lucknow',
    nameHi: null,
  });
  const { area: assembly } = Area.create({
    code: 'UP-AC-173',
    level: 'assembly',
    parent: { id: district.id, level: 'district', ancestors: district.ancestors, lokSabhaId: null },
    nameEn: 'Lucknow West',
    nameHi: null,
    lokSabhaId: 'UP-LS-35',
  });
  return new Map([zone, district, seat, assembly].map((area) => [area.id, { value: area, version: 3 }]));
}

/** The in-memory lookup the planner is given, recording what it was asked for. */
function lookUp(stored: Map<string, Versioned<Area>>) {
  const asked: string[][] = [];
  const fn = async (ids: string[]): Promise<Map<string, Versioned<Area>>> => {
    asked.push(ids);
    return new Map(ids.filter((id) => stored.has(id)).map((id) => [id, stored.get(id)!]));
  };
  return { fn, asked };
}

describe('planAreaImport', () => {
  it('plans parents before children and builds each insert with its created event', async () => {
    const { fn, asked } = lookUp(storedTree());
    const plan = await planAreaImport(
      [
        { code: 'UP-AC-173-M01-S01', level: 'sector', parentId: 'UP-AC-173-M01', nameEn: 'Sector 1' },
        { code: 'up-ac-173-m01', level: 'mandal', parentId: 'UP-AC-173', nameEn: 'Rampur' },
      ],
      NATIONAL_ADMIN,
      ctx,
      fn,
    );
    expect(plan.errors).toEqual([]);
    expect(asked).toEqual([['UP-AC-173-M01-S01', 'UP-AC-173-M01', 'UP-AC-173']]);
    expect(plan.ops.map((op) => op.kind === 'insert' && op.id)).toEqual([
      'UP-AC-173-M01',
      'UP-AC-173-M01-S01',
    ]);
    const sector = plan.ops[1];
    if (sector.kind !== 'insert') throw new Error('expected an insert');
    const { entity, events } = sector.build();
    expect(entity.ancestors).toEqual([
      'IN',
      'UP',
      'UP-Z-LUCKNOW',
      'UP-D-LUCKNOW',
      'UP-AC-173',
      'UP-AC-173-M01',
    ]);
    // The Lok Sabha link comes down from the assembly seat through the planned mandal.
    expect(entity.lokSabhaId).toBe('UP-LS-35');
    expect(events.map((e) => e.type)).toEqual(['org.area.created']);
  });

  it('updates a stored area at its version with the events of what changed, and leaves an equal one alone', async () => {
    const stored = storedTree();
    const plan = await planAreaImport(
      [
        {
          code: 'UP-AC-173',
          level: 'assembly',
          parentId: 'UP-D-LUCKNOW',
          nameEn: 'Lucknow Paschim',
          lokSabhaId: 'UP-LS-35',
        },
        {
          code: 'UP-D-LUCKNOW',
          level: 'district',
          parentId: 'UP-Z-LUCKNOW',
          nameEn: 'Lucknow',
          nameHi: 'लखनऊ',
        },
      ],
      NATIONAL_ADMIN,
      ctx,
      lookUp(stored).fn,
    );
    expect(plan.errors).toEqual([]);
    const [district, assembly] = plan.ops;
    expect(district).toEqual({ kind: 'unchanged' });
    if (assembly.kind !== 'update') throw new Error('expected an update');
    expect(assembly).toMatchObject({ id: 'UP-AC-173', version: 3 });
    expect(assembly.entity.name.en).toBe('Lucknow Paschim');
    expect(assembly.events.map((e) => e.type)).toEqual(['org.area.updated']);
  });

  it('reports every bad row and plans nothing for it or for its children', async () => {
    const plan = await planAreaImport(
      [
        { code: 'UP-AC-173-M01', level: 'mandal', parentId: 'UP-AC-999', nameEn: 'Orphan' },
        { code: 'UP-AC-173-M01-S01', level: 'sector', parentId: 'UP-AC-173-M01', nameEn: 'Under the orphan' },
        {
          code: 'UP-AC-173-M02',
          level: 'mandal',
          parentId: 'UP-AC-173',
          nameEn: 'Linked',
          lokSabhaId: 'UP-LS-35',
        },
        { code: 'UP-AC-173-M02', level: 'mandal', parentId: 'UP-AC-173', nameEn: 'Again' },
        { code: 'UP-D-LUCKNOW', level: 'district', parentId: 'UP-Z-OTHER', nameEn: 'Moved' },
        { level: 'mandal' },
      ],
      NATIONAL_ADMIN,
      ctx,
      lookUp(storedTree()).fn,
    );
    expect(plan.ops).toEqual([]);
    expect(plan.total).toBe(6);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'parentId'],
      [2, 'parentId'],
      [3, 'lokSabhaId'],
      [4, 'code'],
      [5, 'parentId'],
      [6, 'code'],
      [6, 'nameEn'],
    ]);
    expect(plan.errors[1].message).toBe('parent UP-AC-173-M01 is invalid in this file');
  });

  it('refuses rows outside the caller’s subtree, judged where the area will sit', async () => {
    const elsewhere: Principal = {
      sub: 'dp',
      roles: ['district-president'],
      areaId: 'UP-D-KANPUR',
      areaPath: ['IN', 'UP', 'UP-Z-KANPUR'],
    };
    const plan = await planAreaImport(
      [{ code: 'UP-AC-173-M01', level: 'mandal', parentId: 'UP-AC-173', nameEn: 'Rampur' }],
      elsewhere,
      ctx,
      lookUp(storedTree()).fn,
    );
    expect(plan.ops).toEqual([]);
    expect(plan.errors).toEqual([{ row: 1, field: 'code', message: 'outside your area UP-D-KANPUR' }]);
  });

  it('gives the same rows the same digest and other rows another', async () => {
    const rows = [{ code: 'UP-AC-173-M01', level: 'mandal', parentId: 'UP-AC-173', nameEn: 'Rampur' }];
    const { fn } = lookUp(storedTree());
    const first = await planAreaImport(rows, NATIONAL_ADMIN, ctx, fn);
    const again = await planAreaImport(structuredClone(rows), NATIONAL_ADMIN, ctx, fn);
    const other = await planAreaImport([{ ...rows[0], nameEn: 'Other' }], NATIONAL_ADMIN, ctx, fn);
    expect(again.digest).toBe(first.digest);
    expect(other.digest).not.toBe(first.digest);
  });
});
