import { istDay, nextIstTime, quietUntil } from './quiet-hours';

const ist = (iso: string) => new Date(`${iso}+05:30`);

describe('quiet hours (21:00-08:00 IST)', () => {
  it('defers SMS and WhatsApp at night to 08:00 IST the next morning', () => {
    expect(quietUntil('whatsapp', ist('2027-01-11T22:30:00'))).toEqual(ist('2027-01-12T08:00:00'));
    expect(quietUntil('sms', ist('2027-01-12T03:00:00'))).toEqual(ist('2027-01-12T08:00:00'));
    expect(quietUntil('sms', ist('2027-01-11T21:00:00'))).toEqual(ist('2027-01-12T08:00:00'));
  });

  it('lets phone channels go in the day, and e-mail and inbox at any hour', () => {
    expect(quietUntil('whatsapp', ist('2027-01-11T08:00:00'))).toBeNull();
    expect(quietUntil('sms', ist('2027-01-11T20:59:59'))).toBeNull();
    expect(quietUntil('email', ist('2027-01-11T23:00:00'))).toBeNull();
    expect(quietUntil('inbox', ist('2027-01-11T02:00:00'))).toBeNull();
  });

  it('finds the next IST time of day and the IST calendar day', () => {
    expect(nextIstTime(ist('2027-01-11T09:00:00'), 9)).toEqual(ist('2027-01-12T09:00:00'));
    expect(nextIstTime(ist('2027-01-11T08:59:00'), 9)).toEqual(ist('2027-01-11T09:00:00'));
    expect(istDay(new Date('2027-01-11T19:00:00Z'))).toBe('2027-01-12');
  });
});
