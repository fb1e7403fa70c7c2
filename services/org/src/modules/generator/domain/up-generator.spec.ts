import { loadUpReference } from '../infrastructure/up-reference.loader';
import { classifySeat } from './seat-class';
import { FULL, generateUp, SMALL } from './up-generator';

describe('UP generator', () => {
  const ref = loadUpReference();

  it('builds the real upper tree: 18 zones, 75 districts, 80 Lok Sabha and 403 assembly seats', () => {
    const { areas } = generateUp(ref, SMALL);
    const count = (level: string) => areas.filter((a) => a.level === level).length;
    expect([count('zone'), count('district'), count('lok-sabha'), count('assembly')]).toEqual([
      18, 75, 80, 403,
    ]);
    expect(count('booth')).toBe(806);
    expect(areas.find((a) => a.code === 'UP-AC-173')).toMatchObject({
      level: 'assembly',
      lokSabhaId: expect.stringMatching(/^UP-LS-\d\d$/),
    });
  });

  it('never invents Hindi names for real districts or seats, and gives synthetic places both scripts', () => {
    const { areas } = generateUp(ref, SMALL);
    expect(
      areas
        .filter((a) => ['district', 'lok-sabha', 'assembly', 'zone'].includes(a.level))
        .every((a) => a.nameHi === null),
    ).toBe(true);
    expect(
      areas.filter((a) => a.level === 'booth').every((a) => /[\u0900-\u097f]/.test(a.nameHi ?? '')),
    ).toBe(true);
  });

  it('classes the 2024 seats: 33 won by the BJP, 47 lost', () => {
    const { areas } = generateUp(ref, SMALL);
    const seats = areas.filter((a) => a.level === 'lok-sabha');
    expect(seats.filter((a) => a.seatClass === 'lost')).toHaveLength(47);
    expect(seats.filter((a) => a.seatClass !== 'lost')).toHaveLength(33);
    const count = (c: string) => seats.filter((a) => a.seatClass === c).length;
    expect([count('thin-margin'), count('weak'), count('strong')]).toEqual([4, 9, 20]);
  });

  it('is deterministic with unique phones and booth-level aggregates only', () => {
    const a = generateUp(ref, SMALL);
    const b = generateUp(ref, SMALL);
    expect(a).toEqual(b);
    expect(new Set(a.members.map((m) => m.phone)).size).toBe(a.members.length);
    expect(a.members.some((m) => /[\u0900-\u097f]/.test(m.name))).toBe(true);
    for (const booth of a.areas.filter((x) => x.level === 'booth')) {
      expect(Object.values(booth.socialComposition ?? {}).reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(1);
    }
  });

  it('reaches about 160,000 booths and 800,000 members at full scale', () => {
    const booths = 403 * FULL.mandalsPerAssembly * FULL.sectorsPerMandal * FULL.boothsPerSector;
    expect(booths).toBe(161_200);
    expect(booths * FULL.membersPerBooth).toBe(806_000);
  });

  it('classifies by margin share of the winner’s votes', () => {
    const base = { winnerParty: 'P', winnerVotes: 100_000, runnerUpParty: 'Q', runnerUpVotes: 0, margin: 0 };
    expect(classifySeat({ ...base, margin: 2_000 }, 'P')).toEqual({
      seatClass: 'thin-margin',
      lastMargin: 2_000,
    });
    expect(classifySeat({ ...base, margin: 5_000 }, 'P').seatClass).toBe('weak');
    expect(classifySeat({ ...base, margin: 9_000 }, 'P').seatClass).toBe('strong');
    expect(classifySeat({ ...base, margin: 9_000 }, 'Q')).toEqual({ seatClass: 'lost', lastMargin: -9_000 });
    expect(classifySeat({ ...base, margin: 9_000 }, 'R')).toEqual({ seatClass: 'lost', lastMargin: null });
  });
});
