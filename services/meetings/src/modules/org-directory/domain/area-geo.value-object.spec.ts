import { ValidationError } from '@sangathan/kernel';
import { AreaGeo, distanceKm } from './area-geo.value-object';

describe('AreaGeo', () => {
  const up = AreaGeo.of({ kind: 'bbox', south: 23.8, west: 77.0, north: 30.5, east: 84.7 });

  it('contains a point inside its bounding box (Lucknow in UP)', () => {
    expect(up.contains({ lat: 26.85, lon: 80.95 })).toBe(true);
  });

  it('does not contain a point outside (Delhi is west of UP box)', () => {
    expect(up.contains({ lat: 28.61, lon: 76.9 })).toBe(false);
  });

  it('measures a circle by great-circle distance', () => {
    const lucknow = AreaGeo.of({ kind: 'circle', lat: 26.85, lon: 80.95, radiusKm: 40 });
    expect(lucknow.contains({ lat: 26.9, lon: 81.0 })).toBe(true);
    expect(lucknow.contains({ lat: 27.18, lon: 78.01 })).toBe(false); // Agra
    expect(distanceKm({ lat: 26.85, lon: 80.95 }, { lat: 27.18, lon: 78.01 })).toBeGreaterThan(250);
  });

  it('refuses an inverted box', () => {
    expect(() => AreaGeo.of({ kind: 'bbox', south: 30, west: 77, north: 20, east: 84 })).toThrow(
      ValidationError,
    );
  });
});
