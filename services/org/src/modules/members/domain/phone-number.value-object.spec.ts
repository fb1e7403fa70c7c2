import { PhoneNumber } from './phone-number.value-object';

describe('PhoneNumber', () => {
  it.each([
    '9876543210',
    '09876543210',
    '919876543210',
    '+91 98765 43210',
    '+91-98765-43210',
    '(0)98765.43210'.replace('(0)', '0'),
  ])('normalises %s to E.164', (raw) => expect(PhoneNumber.of(raw).value).toBe('+919876543210'));

  it('keeps other countries written with a +', () =>
    expect(PhoneNumber.of('+44 20 7946 0958').value).toBe('+442079460958'));

  it('reads the international prefix 00 as a +', () =>
    expect(PhoneNumber.of('0091 98765 43210').value).toBe('+919876543210'));

  it.each([
    '12345',
    '5876543210',
    '+91 12345 67890',
    '011 2345 6789',
    'call me',
    '98765432101',
    '+44 20 1',
    '+919876543210 ext 5',
  ])('refuses %s naming the field', (raw) => {
    expect(() => PhoneNumber.of(raw)).toThrow(
      expect.objectContaining({
        code: 'INVALID_PHONE',
        details: [expect.objectContaining({ field: 'phone' })],
      }),
    );
  });
});
