import { parsePseudonymKeys, Pseudonymiser } from './pseudonymiser';

const SECRET_Q1 = 'q1-secret-for-tests-only-0123456789abcdef';
const SECRET_Q2 = 'q2-secret-for-tests-only-0123456789abcdef';
const keys = parsePseudonymKeys(`2026-Q2@2026-04-01:${SECRET_Q2}, 2026-Q1@2026-01-01:${SECRET_Q1}`);
const pseudonyms = new Pseudonymiser(keys);
const MEMBER = '01938f4a-6c2e-7a51-9d3b-2f6e8a1c4b70';

describe('Pseudonymiser', () => {
  it('gives a member the same key within a cycle, and says which key', () => {
    const a = pseudonyms.member(MEMBER, '2026-01-05T10:00:00Z');
    const b = pseudonyms.member(MEMBER, '2026-03-31T18:29:59Z'); // 23:59:59 IST, still Q1
    expect(a).toEqual(b);
    expect(a.keyId).toBe('2026-Q1');
    expect(a.memberKey).toMatch(/^[0-9a-f]{64}$/);
    expect(a.memberKey).not.toContain(MEMBER);
  });

  it('gives an unrelated key in the next cycle (which starts at midnight IST)', () => {
    const q1 = pseudonyms.member(MEMBER, '2026-03-31T18:29:59Z');
    const q2 = pseudonyms.member(MEMBER, '2026-03-31T18:30:00Z');
    expect(q2.keyId).toBe('2026-Q2');
    expect(q2.memberKey).not.toBe(q1.memberKey);
  });

  it('gives different members different keys', () => {
    const other = pseudonyms.member('01938f4a-7d10-7c22-8e4f-5a9b3c2d1e80', '2026-01-05T10:00:00Z');
    expect(other.memberKey).not.toBe(pseudonyms.member(MEMBER, '2026-01-05T10:00:00Z').memberKey);
  });

  it('uses the first key for events before the first cycle', () => {
    expect(pseudonyms.keyAt('2025-06-01T00:00:00Z').id).toBe('2026-Q1');
  });

  it('is HMAC-SHA-256 of the member id (a third party with the key can check it)', () => {
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    expect(pseudonyms.memberKey(MEMBER, '2026-02-01T00:00:00Z')).toBe(
      createHmac('sha256', SECRET_Q1).update(MEMBER).digest('hex'),
    );
  });

  it.each([
    ['', /no pseudonym key/],
    ['2026-Q1:abc', /is not <id>@<YYYY-MM-DD>:<secret>/],
    ['2026-Q1@2026-01-01:short', /at least 32 characters/],
    [`a b@2026-01-01:${SECRET_Q1}`, /must match/],
    [`k@2026-01-01:${SECRET_Q1},k@2026-04-01:${SECRET_Q2}`, /unique/],
  ])('refuses the configuration %j', (text, error) => {
    expect(() => parsePseudonymKeys(text)).toThrow(error);
  });

  it('does not print the secret in its errors', () => {
    expect(() => parsePseudonymKeys('2026-Q1-2026-01-01:very-secret-value')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('very-secret-value') }),
    );
  });
});
