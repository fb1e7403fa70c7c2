import { UUID_V7_PATTERN, uuidv7, uuidv7Time } from './uuidv7';

describe('uuidv7', () => {
  it('produces RFC 9562 version-7 ids carrying their creation time', () => {
    const id = uuidv7(1_750_000_000_000);
    expect(id).toMatch(UUID_V7_PATTERN);
    expect(uuidv7Time(id)).toBe(1_750_000_000_000);
  });

  it('is strictly increasing within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => uuidv7(1_750_000_000_001));
    const sorted = [...ids].sort();
    expect(ids).toEqual(sorted);
    expect(new Set(ids).size).toBe(1000);
  });
});
