import type { AreaGeo } from '../domain/area-geo.value-object';

/** An area as the meetings service knows it. */
export type KnownArea = {
  id: string;
  level: string;
  parentId: string | null;
  /** Root first, excluding the area itself. */
  ancestors: string[];
  nameEn: string;
  nameHi: string | null;
  geo: AreaGeo | null;
};

/** Read access to the local area directory (fed by org events). */
export interface AreaDirectory {
  findById(id: string): Promise<KnownArea | null>;
  findMany(ids: readonly string[]): Promise<Map<string, KnownArea>>;
  /** The geo of the area or, failing that, of its nearest ancestor that has one. */
  geoFor(area: KnownArea): Promise<{ geo: AreaGeo; fromAreaId: string } | null>;
  setGeo(id: string, geo: AreaGeo | null): Promise<boolean>;
}

export const AREA_DIRECTORY = Symbol('AreaDirectory');
