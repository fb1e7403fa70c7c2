import type { HolderCompliance } from '../../domain/compliance';
import { complianceReport } from './compliance-report.query';

const holder = (memberId: string, metQuota: boolean, sentNoPhotos: boolean, name: string | null = memberId) =>
  ({
    memberId,
    name,
    positionType: 'sector-incharge',
    areaId: 'M-1',
    ancestors: ['IN'],
    metQuota,
    sentNoPhotos,
  }) as unknown as HolderCompliance;

describe('complianceReport', () => {
  it('counts and names who met the quota, who fell short and who sent no photos', () => {
    const report = complianceReport([
      holder('a', true, false),
      holder('b', false, true, null),
      holder('c', false, false),
    ]);
    expect(report.summary).toEqual({ holders: 3, metQuota: 1, fellShort: 2, sentNoPhotos: 1 });
    expect(report.metQuota.map((p) => p.memberId)).toEqual(['a']);
    expect(report.fellShort.map((p) => p.memberId)).toEqual(['b', 'c']);
    expect(report.sentNoPhotos).toEqual([
      { memberId: 'b', name: null, positionType: 'sector-incharge', areaId: 'M-1' },
    ]);
    expect(report.holders).toHaveLength(3);
  });
});
