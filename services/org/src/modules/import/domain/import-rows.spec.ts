import { areaImportRowSchema, memberImportRowSchema, zodRowErrors } from './import-rows';

describe('import rows', () => {
  it('reads CSV strings: numbers, blanks as absent, composition as pairs or JSON', () => {
    const row = areaImportRowSchema.parse({
      code: 'B',
      level: 'booth',
      parentId: 'S',
      nameEn: 'B',
      nameHi: '',
      voterCount: '900',
      lastMargin: '',
      socialComposition: 'sc:0.2; obc:0.5',
    });
    expect(row).toMatchObject({
      voterCount: 900,
      nameHi: null,
      lastMargin: null,
      socialComposition: { sc: 0.2, obc: 0.5 },
    });
    expect(
      areaImportRowSchema.parse({ code: 'B', level: 'booth', nameEn: 'B', socialComposition: '{"sc":0.3}' })
        .socialComposition,
    ).toEqual({ sc: 0.3 });
  });

  it('names the row and field of each problem', () => {
    const result = areaImportRowSchema.safeParse({
      code: 'B',
      level: 'village',
      nameEn: 'B',
      voterCount: '-3',
    });
    expect(result.success).toBe(false);
    const errors = zodRowErrors(7, result.error!.issues);
    expect(errors.map((e) => `${e.row}:${e.field}`).sort()).toEqual(['7:level', '7:voterCount']);
  });

  it('accepts phone numbers written as JSON numbers', () => {
    expect(memberImportRowSchema.parse({ phone: 9876543210, name: 'X', areaId: 'B' }).phone).toBe(
      '9876543210',
    );
  });
});
