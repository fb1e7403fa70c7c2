import type { AreaGeo } from '../../domain/area-geo.value-object';

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

/** What org publishes of an area and this service keeps (every org.area.* event carries all of it). */
export type AreaFields = Pick<KnownArea, 'level' | 'parentId' | 'ancestors' | 'nameEn' | 'nameHi'>;

/** The org-directory's areas: org's hierarchy from its events, plus the geo set in this service. */
export interface AreaDirectoryPort {
  findById(id: string): Promise<KnownArea | null>;
  findMany(ids: readonly string[]): Promise<Map<string, KnownArea>>;
  /** The geo of the area or, failing that, of its nearest ancestor that has one. */
  geoFor(area: KnownArea): Promise<{ geo: AreaGeo; fromAreaId: string } | null>;
  setGeo(id: string, geo: AreaGeo | null): Promise<boolean>;
  /** Applies org's snapshot of an area if `eventId` is newer than the last event applied to it; `geo` is kept. */
  applySnapshot(areaId: string, eventId: string, fields: AreaFields): Promise<boolean>;
  /** Re-paths the known areas still under `movedId` at `previousAncestors` after it moved under `newAncestors`. */
  repathDescendants(
    movedId: string,
    newAncestors: readonly string[],
    previousAncestors: readonly string[],
  ): Promise<void>;
}

export const AREA_DIRECTORY = Symbol('AreaDirectoryPort');
