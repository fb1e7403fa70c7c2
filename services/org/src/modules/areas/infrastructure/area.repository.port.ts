import type { AreaLevel } from '@sangathan/contracts';
import type { OutboxEntry } from '@sangathan/messaging';
import type { Area } from '../domain/area.entity';
import type { AreaRow } from './area.mapper';

/** An area and the version its next update must match. */
export type LoadedArea = { area: Area; version: number };

/** Persistence port for areas; the Mongo adapter lives in infrastructure/. */
export interface AreaRepository {
  findById(id: string): Promise<Area | null>;
  load(id: string): Promise<LoadedArea | null>;
  /** Inserts the area together with the events announcing it (one atomic write). Conflict if the code exists. */
  insert(area: Area, events: OutboxEntry[]): Promise<void>;
  /** Saves the area's new state with its events, if nobody changed it since `version` (else 409). */
  update(area: Area, version: number, events: OutboxEntry[]): Promise<void>;
  /**
   * Saves a moved area with its event and re-paths every document under it (areas, members,
   * positions, tasks). Resumable: a crash leaves a marker the service finishes at start.
   */
  move(area: Area, version: number, previousAncestors: string[], events: OutboxEntry[]): Promise<number>;
  countDescendants(id: string): Promise<number>;
  /** One page of rows matching `filter`, in `_id` order. */
  list(filter: Record<string, unknown>, limit: number): Promise<AreaRow[]>;
  /**
   * Up to `limit` areas under `root` (optionally of one level, and only rows `matches` accepts), in
   * `_id` order after `afterId`, read through the subtree index and its cache: `_id` lookups only.
   */
  listSubtree(
    root: { id: string; ancestors: readonly string[] },
    level: AreaLevel | undefined,
    afterId: string | undefined,
    limit: number,
    matches?: (row: AreaRow) => boolean,
  ): Promise<AreaRow[]>;
  /**
   * The root and every area the subtree index lists under it (a superset: filter on the documents'
   * own path too), or null when that is more than `max` ids.
   */
  subtreeAreaIds(root: { id: string; ancestors: readonly string[] }, max: number): Promise<string[] | null>;
  /** Areas per level under `root`. */
  countByLevel(root: {
    id: string;
    ancestors: readonly string[];
  }): Promise<Partial<Record<AreaLevel, number>>>;
}

export const AREA_REPOSITORY = Symbol('AreaRepository');
