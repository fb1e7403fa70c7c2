import { matches, parseInstant } from './event-filter';

const held = {
  type: 'analyst.meeting.held',
  version: 1,
  areaId: 'UP-AC-173-M01',
  areaPath: ['IN', 'UP', 'UP-D-LUCKNOW', 'UP-AC-173'],
};

describe('event filters', () => {
  it('keeps an event of the area itself or of any descendant, not of a sibling', () => {
    expect(matches(held, 0, { area: 'UP-AC-173-M01' })).toBe(true);
    expect(matches(held, 0, { area: 'UP-D-LUCKNOW' })).toBe(true);
    expect(matches(held, 0, { area: 'UP-AC-174' })).toBe(false);
    expect(matches({ type: 'x.y.z' }, 0, { area: 'UP' })).toBe(false);
  });

  it('matches a type with or without its version', () => {
    expect(matches(held, 0, { types: ['analyst.meeting.held'] })).toBe(true);
    expect(matches(held, 0, { types: ['analyst.meeting.held@v1'] })).toBe(true);
    expect(matches(held, 0, { types: ['analyst.meeting.held@v2'] })).toBe(false);
    expect(matches(held, 0, { types: ['analyst.meeting.scheduled', 'analyst.meeting.held'] })).toBe(true);
  });

  it('takes the start of a time range and leaves out its end', () => {
    expect(matches(held, 1000, { fromMs: 1000, toMs: 2000 })).toBe(true);
    expect(matches(held, 999, { fromMs: 1000 })).toBe(false);
    expect(matches(held, 2000, { toMs: 2000 })).toBe(false);
  });

  it('reads instants, IST days, epoch milliseconds and durations before now', () => {
    const now = Date.parse('2026-01-18T12:00:00Z');
    expect(parseInstant('2026-01-18T10:00:00+05:30', now)).toBe(Date.parse('2026-01-18T04:30:00Z'));
    expect(parseInstant('2026-01-18', now)).toBe(Date.parse('2026-01-17T18:30:00Z'));
    expect(parseInstant('1768737600000', now)).toBe(1768737600000);
    expect(parseInstant('2h', now)).toBe(now - 7_200_000);
    expect(parseInstant('7d', now)).toBe(now - 7 * 86_400_000);
    expect(() => parseInstant('yesterday', now)).toThrow(/is not a time/);
  });
});
