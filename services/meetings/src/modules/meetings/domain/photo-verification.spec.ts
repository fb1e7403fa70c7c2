import { parseExifDateTime, verifyPhoto } from './photo-verification';

const window = { start: new Date('2026-01-05T05:00:00Z'), end: new Date('2026-01-05T06:00:00Z') };
const lucknow = {
  contains: (p: { lat: number; lon: number }) =>
    Math.abs(p.lat - 26.85) < 0.5 && Math.abs(p.lon - 80.95) < 0.5,
};

describe('verifyPhoto', () => {
  it('verifies a photo taken during the meeting inside the area', () => {
    expect(
      verifyPhoto(
        { takenAt: new Date('2026-01-05T05:30:00Z'), gps: { lat: 26.9, lon: 80.9 } },
        window,
        lucknow,
      ),
    ).toEqual({ verdict: 'verified', reasons: [], placeChecked: true });
  });

  it('verifies by time only when the area has no geo', () => {
    expect(
      verifyPhoto({ takenAt: new Date('2026-01-05T05:30:00Z'), gps: { lat: 10, lon: 10 } }, window, null),
    ).toMatchObject({ verdict: 'verified', placeChecked: false });
  });

  it('marks a photo taken the day before as a time mismatch', () => {
    expect(
      verifyPhoto({ takenAt: new Date('2026-01-04T05:30:00Z'), gps: null }, window, lucknow),
    ).toMatchObject({ verdict: 'mismatch', reasons: ['time-mismatch'] });
  });

  it('marks GPS outside the area as a location mismatch', () => {
    expect(
      verifyPhoto(
        { takenAt: new Date('2026-01-05T05:30:00Z'), gps: { lat: 27.18, lon: 78.01 } },
        window,
        lucknow,
      ),
    ).toMatchObject({ verdict: 'mismatch', reasons: ['location-mismatch'] });
  });

  it('says no-metadata when there is no EXIF time', () => {
    expect(verifyPhoto({ takenAt: null, gps: null }, window, lucknow)).toMatchObject({
      verdict: 'no-metadata',
      reasons: ['no-metadata'],
    });
  });

  it('accepts a photo within the tolerance after the end', () => {
    expect(verifyPhoto({ takenAt: new Date('2026-01-05T08:00:00Z'), gps: null }, window, null).verdict).toBe(
      'verified',
    );
  });
});

describe('parseExifDateTime', () => {
  it('reads a camera time as IST when no offset is recorded', () => {
    expect(parseExifDateTime('2026:01:05 11:00:00', undefined)?.toISOString()).toBe(
      '2026-01-05T05:30:00.000Z',
    );
  });

  it('honours OffsetTimeOriginal', () => {
    expect(parseExifDateTime('2026:01:05 11:00:00', '+00:00')?.toISOString()).toBe(
      '2026-01-05T11:00:00.000Z',
    );
  });

  it('ignores garbage and zeroed camera clocks', () => {
    expect(parseExifDateTime('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(parseExifDateTime(42, undefined)).toBeNull();
  });
});
