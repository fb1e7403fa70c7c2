import { ValidationError } from '@sangathan/kernel';

/** A point in WGS-84 decimal degrees. */
export type GeoPoint = { lat: number; lon: number };

export type AreaGeoProps =
  | { kind: 'bbox'; south: number; west: number; north: number; east: number }
  | { kind: 'circle'; lat: number; lon: number; radiusKm: number };

/**
 * Where an area lies, when someone has told us (org events carry no coordinates). Either a
 * bounding box or a centroid with a radius; photos whose GPS falls outside count as a location
 * mismatch. Areas without one inherit the nearest ancestor's.
 */
export class AreaGeo {
  private constructor(readonly props: AreaGeoProps) {}

  static of(props: AreaGeoProps): AreaGeo {
    const bad = (field: string, message: string) =>
      new ValidationError('INVALID_AREA_GEO', message, [{ field, message }]);
    if (props.kind === 'bbox') {
      for (const [field, value, limit] of [
        ['south', props.south, 90],
        ['north', props.north, 90],
        ['west', props.west, 180],
        ['east', props.east, 180],
      ] as const) {
        if (!Number.isFinite(value) || Math.abs(value) > limit)
          throw bad(field, `${field} must be within ±${limit}`);
      }
      if (props.south >= props.north) throw bad('south', 'south must be below north');
      if (props.west >= props.east)
        throw bad('west', 'west must be left of east (boxes across the antimeridian are not supported)');
    } else {
      if (!Number.isFinite(props.lat) || Math.abs(props.lat) > 90) throw bad('lat', 'lat must be within ±90');
      if (!Number.isFinite(props.lon) || Math.abs(props.lon) > 180)
        throw bad('lon', 'lon must be within ±180');
      if (!(props.radiusKm > 0 && props.radiusKm <= 2000))
        throw bad('radiusKm', 'radiusKm must be in (0, 2000]');
    }
    return new AreaGeo({ ...props });
  }

  contains(point: GeoPoint): boolean {
    const p = this.props;
    if (p.kind === 'bbox')
      return point.lat >= p.south && point.lat <= p.north && point.lon >= p.west && point.lon <= p.east;
    return distanceKm({ lat: p.lat, lon: p.lon }, point) <= p.radiusKm;
  }
}

/** Great-circle distance (haversine), kilometres. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
