import { deriveTargets } from './target-rule';

describe('deriveTargets', () => {
  it('gives every area the fixed value', () => {
    const { targets } = deriveTargets({ kind: 'fixed', value: 75 }, [
      { areaId: 'A', booths: 10, voters: null },
      { areaId: 'B', booths: null, voters: null },
    ]);
    expect([...targets.values()]).toEqual([75, 75]);
  });

  it('scales linearly between min and max by booth count', () => {
    const { targets, missingBasis } = deriveTargets(
      { kind: 'scaled', basis: 'booths', min: 2500, max: 5000 },
      [
        { areaId: 'SMALL', booths: 1500, voters: null },
        { areaId: 'MID', booths: 2000, voters: null },
        { areaId: 'LARGE', booths: 2500, voters: null },
      ],
    );
    expect(Object.fromEntries(targets)).toEqual({ SMALL: 2500, MID: 3750, LARGE: 5000 });
    expect(missingBasis).toEqual([]);
  });

  it('scales by voters when asked and rounds to tens', () => {
    const { targets } = deriveTargets({ kind: 'scaled', basis: 'voters', min: 100, max: 200 }, [
      { areaId: 'A', booths: 1, voters: 1_000 },
      { areaId: 'B', booths: 1, voters: 1_333 },
      { areaId: 'C', booths: 1, voters: 4_000 },
    ]);
    expect(targets.get('B')).toBe(110);
  });

  it('gives min to areas without the figure and names them', () => {
    const { targets, missingBasis } = deriveTargets(
      { kind: 'scaled', basis: 'booths', min: 2500, max: 5000 },
      [
        { areaId: 'A', booths: 100, voters: null },
        { areaId: 'B', booths: null, voters: 5 },
      ],
    );
    expect(targets.get('B')).toBe(2500);
    expect(missingBasis).toEqual(['B']);
  });

  it('gives the midpoint when all areas are the same size', () => {
    const { targets } = deriveTargets({ kind: 'scaled', basis: 'booths', min: 2500, max: 5000 }, [
      { areaId: 'A', booths: 300, voters: null },
    ]);
    expect(targets.get('A')).toBe(3750);
  });
});
