import { ForbiddenError } from '@sangathan/kernel';
import { assertCan, isWithinScope } from './area-scope';
import type { Principal } from './principal';

const districtPresident: Principal = {
  sub: 'm-1',
  roles: ['district-president'],
  areaId: 'D-LKO',
  areaPath: ['IN', 'UP', 'Z-LKO'],
};

describe('area scope', () => {
  it('admits the caller’s own area and anything beneath it', () => {
    expect(isWithinScope(districtPresident, { areaId: 'D-LKO', ancestors: ['IN', 'UP', 'Z-LKO'] })).toBe(
      true,
    );
    expect(
      isWithinScope(districtPresident, { areaId: 'B-1', ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO', 'M-1'] }),
    ).toBe(true);
  });

  it('refuses a sibling district and the parent', () => {
    expect(isWithinScope(districtPresident, { areaId: 'D-AGRA', ancestors: ['IN', 'UP', 'Z-AGRA'] })).toBe(
      false,
    );
    expect(isWithinScope(districtPresident, { areaId: 'Z-LKO', ancestors: ['IN', 'UP'] })).toBe(false);
  });

  it('refuses candidate-panel reads to a district president even inside their area', () => {
    expect(() => assertCan(districtPresident, 'panels:read', { areaId: 'D-LKO', ancestors: [] })).toThrow(
      ForbiddenError,
    );
  });

  it('names the reason when the area is out of scope', () => {
    expect(() =>
      assertCan(districtPresident, 'org:write', { areaId: 'D-AGRA', ancestors: ['IN', 'UP'] }),
    ).toThrow(/outside your area/);
  });
});
