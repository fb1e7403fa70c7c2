import { repath } from './repath';

describe('repath', () => {
  it('replaces everything above the moved area and keeps what is below it', () => {
    expect(repath(['IN', 'UP', 'Z-LKO', 'D-LKO', 'AC-173'], 'D-LKO', ['IN', 'UP', 'Z-AGRA'])).toEqual([
      'IN',
      'UP',
      'Z-AGRA',
      'D-LKO',
      'AC-173',
    ]);
  });

  it('is idempotent and leaves unrelated paths alone', () => {
    const once = repath(['IN', 'UP', 'Z-LKO', 'D-LKO'], 'D-LKO', ['IN', 'UP', 'Z-AGRA']);
    expect(repath(once, 'D-LKO', ['IN', 'UP', 'Z-AGRA'])).toEqual(once);
    expect(repath(['IN', 'UP', 'Z-AGRA'], 'D-LKO', ['IN'])).toEqual(['IN', 'UP', 'Z-AGRA']);
  });
});
