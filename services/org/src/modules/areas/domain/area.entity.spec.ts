import { Area } from './area.entity';

const district = { id: 'UP-D-LUCKNOW', level: 'district' as const, ancestors: ['IN', 'UP', 'UP-Z-LUCKNOW'] };
const assemblyParent = {
  id: 'UP-AC-173',
  level: 'assembly' as const,
  ancestors: [...district.ancestors, district.id],
  lokSabhaId: 'UP-LS-35',
};

describe('Area', () => {
  it('computes ancestors from the parent and normalises the code', () => {
    const { area, event } = Area.create({
      code: 'up-ac-173-m01',
      level: 'mandal',
      parent: assemblyParent,
      nameEn: '  Rampur   Mandal ',
      nameHi: 'रामपुर मंडल',
    });
    expect(area.id).toBe('UP-AC-173-M01');
    expect(area.ancestors).toEqual(['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-173']);
    expect(area.name.en).toBe('Rampur Mandal');
    expect(event.kind).toBe('area-created');
  });

  it('inherits the Lok Sabha link below an assembly seat', () => {
    const { area } = Area.create({
      code: 'M',
      level: 'mandal',
      parent: assemblyParent,
      nameEn: 'M',
      nameHi: null,
    });
    expect(area.lokSabhaId).toBe('UP-LS-35');
  });

  it.each([
    ['booth', district, 'INVALID_PARENT_LEVEL'],
    ['state', null, 'INVALID_PARENT'],
    ['national', district, 'INVALID_PARENT'],
  ] as const)('refuses a %s under %o', (level, parent, code) => {
    expect(() => Area.create({ code: 'X', level, parent, nameEn: 'X', nameHi: null })).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('keeps social composition and beneficiaries for booths only, shares at most 1', () => {
    expect(() =>
      Area.create({
        code: 'X',
        level: 'mandal',
        parent: assemblyParent,
        nameEn: 'X',
        nameHi: null,
        figures: { beneficiaryCount: 3 },
      }),
    ).toThrow(expect.objectContaining({ code: 'BOOTH_ONLY' }));
    const sector = { id: 'S', level: 'sector' as const, ancestors: ['IN'] };
    expect(() =>
      Area.create({
        code: 'B',
        level: 'booth',
        parent: sector,
        nameEn: 'B',
        nameHi: null,
        figures: { socialComposition: { a: 0.7, b: 0.6 } },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SHARES' }));
  });

  it('reports exactly the fields an update changed, and nothing for a no-op', () => {
    const { area } = Area.create({
      code: 'B',
      level: 'booth',
      parent: { id: 'S', level: 'sector', ancestors: [] },
      nameEn: 'Booth',
      nameHi: null,
      figures: { voterCount: 900 },
    });
    expect(area.update({ nameEn: 'Booth', voterCount: 900 })).toBeNull();
    expect(area.update({ nameHi: 'बूथ', voterCount: 950 })?.changed).toEqual(['nameHi', 'voterCount']);
    expect(area.figures.voterCount).toBe(950);
  });

  it('reclassifies seats only, returning the previous class', () => {
    const { area } = Area.create({
      code: 'UP-LS-01',
      level: 'lok-sabha',
      parent: { id: 'UP', level: 'state', ancestors: ['IN'] },
      nameEn: 'Saharanpur',
      nameHi: null,
      seatClass: 'lost',
      lastMargin: -64542,
    });
    expect(area.reclassify('lost', -64542)).toBeNull();
    expect(area.reclassify('thin-margin', 900)).toMatchObject({
      previousSeatClass: 'lost',
      previousMargin: -64542,
    });
    const { area: district2 } = Area.create({
      code: 'D',
      level: 'district',
      parent: { id: 'Z', level: 'zone', ancestors: [] },
      nameEn: 'D',
      nameHi: null,
    });
    expect(() => district2.reclassify('weak', 10)).toThrow(expect.objectContaining({ code: 'NOT_A_SEAT' }));
  });

  it('moves under a new parent and refuses a cycle or a wrong level', () => {
    const { area } = Area.create({
      code: 'UP-AC-173-M01',
      level: 'mandal',
      parent: assemblyParent,
      nameEn: 'M',
      nameHi: null,
    });
    const other = {
      id: 'UP-AC-174',
      level: 'assembly' as const,
      ancestors: district.ancestors.concat(district.id),
      lokSabhaId: 'UP-LS-36',
    };
    const moved = area.moveTo(other);
    expect(moved?.previousParentId).toBe('UP-AC-173');
    expect(area.ancestors).toEqual([...other.ancestors, other.id]);
    expect(area.lokSabhaId).toBe('UP-LS-36');
    expect(area.moveTo(other)).toBeNull();
    expect(() => area.moveTo({ id: 'S', level: 'sector', ancestors: [...area.ancestors, area.id] })).toThrow(
      expect.objectContaining({ code: 'CYCLE' }),
    );
    expect(() => area.moveTo(district)).toThrow(expect.objectContaining({ code: 'INVALID_PARENT_LEVEL' }));
  });
});
