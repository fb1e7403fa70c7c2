import { computeCompliance, type HeldMeeting } from './compliance';
import { DEFAULT_QUOTA_RULES } from './quota-rule';

const rules = new Map(DEFAULT_QUOTA_RULES.map((r) => [r.positionType, r]));
const holder = (memberId: string) => ({
  memberId,
  positionType: 'sector-incharge',
  areaId: 'S-1',
  ancestors: ['IN', 'UP'],
});
const meetings = (
  organiserId: string,
  day: string,
  n: number,
  verified: number,
  photos = verified,
): HeldMeeting[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${organiserId}-${day}-${i}`,
    organiserId,
    day,
    kind: 'daily-small',
    photos: i < photos ? 1 : 0,
    verifiedPhotos: i < verified ? 1 : 0,
  }));

describe('computeCompliance', () => {
  const days = ['2026-01-05', '2026-01-06'];

  it('says who met the quota, who fell short and who sent no photos', () => {
    const report = computeCompliance(
      [holder('good'), holder('short'), holder('nophoto'), holder('idle')],
      rules,
      [
        ...meetings('good', days[0], 5, 5),
        ...meetings('good', days[1], 4, 4),
        ...meetings('short', days[0], 2, 2),
        ...meetings('nophoto', days[0], 4, 0),
        ...meetings('nophoto', days[1], 4, 0),
      ],
      days,
    );
    const by = Object.fromEntries(report.map((r) => [r.memberId, r]));
    expect(by.good).toMatchObject({ metQuota: true, daysMet: 2, totalHeld: 9 });
    expect(by.short.metQuota).toBe(false);
    expect(by.short.days.map((d) => d.outcome)).toEqual(['short', 'short']);
    expect(by.nophoto).toMatchObject({ metQuota: false, sentNoPhotos: true });
    expect(by.nophoto.days[0].outcome).toBe('no-photos');
    expect(by.idle).toMatchObject({ totalHeld: 0, sentNoPhotos: false, metQuota: false });
  });

  it('counts a meeting whose photo was flagged as not evidenced', () => {
    const [report] = computeCompliance([holder('a')], rules, meetings('a', days[0], 4, 3, 4), [days[0]]);
    expect(report.days[0]).toMatchObject({
      held: 4,
      withPhoto: 4,
      withVerifiedPhoto: 3,
      outcome: 'no-photos',
    });
  });

  it('skips holders whose position has no rule', () => {
    expect(
      computeCompliance([{ ...holder('p'), positionType: 'district-president' }], rules, [], days),
    ).toEqual([]);
  });
});
