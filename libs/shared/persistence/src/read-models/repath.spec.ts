import { repath } from './repath';

describe('repath', () => {
  it('replaces what came before the moved area and keeps what follows it', () => {
    expect(repath(['IN', 'UP', 'Z1', 'D1', 'A1'], 'D1', ['IN', 'UP', 'Z2'])).toEqual([
      'IN',
      'UP',
      'Z2',
      'D1',
      'A1',
    ]);
  });

  it('is idempotent and leaves documents outside the moved subtree alone', () => {
    const once = repath(['IN', 'UP', 'Z1', 'D1'], 'D1', ['IN', 'UP', 'Z2']);
    expect(repath(once, 'D1', ['IN', 'UP', 'Z2'])).toEqual(once);
    expect(repath(['IN', 'UP', 'Z3'], 'D1', ['IN', 'UP', 'Z2'])).toEqual(['IN', 'UP', 'Z3']);
  });
});
