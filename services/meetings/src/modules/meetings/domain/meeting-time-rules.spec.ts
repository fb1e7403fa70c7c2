import {
  attendanceLockFor,
  checkHeldWindow,
  checkInOpen,
  checkPlannedStart,
  MEETING_RULES,
  qrPassFor,
} from './meeting-time-rules';

const NOW = new Date('2026-01-05T06:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('meeting time rules', () => {
  it('lets a new meeting be put in up to 7 days late, while a reschedule may keep an older start', () => {
    const eightDaysAgo = ago(8 * 24 * 3600_000);
    expect(() => checkPlannedStart(eightDaysAgo, NOW, { backdating: true })).toThrow(
      expect.objectContaining({ code: 'START_TOO_FAR_BACK' }),
    );
    expect(() => checkPlannedStart(eightDaysAgo, NOW, { backdating: false })).not.toThrow();
    expect(() => checkPlannedStart(ago(-367 * 24 * 3600_000), NOW, { backdating: false })).toThrow(
      expect.objectContaining({ code: 'START_TOO_FAR_AHEAD' }),
    );
  });

  it('accepts a held window up to 48 hours after its end and not one that starts beyond the clock skew', () => {
    const end = ago(MEETING_RULES.lateAdditionMs);
    expect(() => checkHeldWindow(ago(MEETING_RULES.lateAdditionMs + 3600_000), end, NOW)).not.toThrow();
    expect(() =>
      checkHeldWindow(
        ago(MEETING_RULES.lateAdditionMs + 3600_000),
        ago(MEETING_RULES.lateAdditionMs + 1),
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'HELD_TOO_LATE' }));
    expect(() => checkHeldWindow(ago(-MEETING_RULES.clockSkewMs - 1), ago(-3600_000), NOW)).toThrow(
      expect.objectContaining({ code: 'HELD_IN_FUTURE' }),
    );
    expect(attendanceLockFor(end)).toEqual(NOW);
  });

  it('opens check-in and the QR pass an hour before the start; the pass closes six hours after the end', () => {
    const start = new Date('2026-01-05T07:00:00.000Z');
    const end = new Date('2026-01-05T08:00:00.000Z');
    expect(checkInOpen(start, NOW)).toBe(true);
    expect(checkInOpen(start, ago(1))).toBe(false);
    expect(qrPassFor('h', start, end)).toEqual({
      tokenHash: 'h',
      validFrom: NOW,
      validUntil: new Date('2026-01-05T14:00:00.000Z'),
    });
  });
});
