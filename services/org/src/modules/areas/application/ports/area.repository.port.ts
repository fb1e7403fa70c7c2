import type { AreaLevel, SeatClass } from '@sangathan/contracts';
import type { OutboxEntry } from '@sangathan/messaging';
import type { Area } from '../../domain/area.entity';

/** An area and the version its next update must match. */
export type LoadedArea = { area: Area; version: number };

/** What a subtree list may be narrowed by (all optional). */
export type AreaListFilter = {
  level?: AreaLevel;
  /** Name prefix, Hindi or English (folded like `searchKey`). */
  q?: string;
  lokSabhaId?: string;
  seatClass?: SeatClass;
};

/** Persistence port for areas (adapter: infrastructure/area.repository.ts). */
export interface AreaRepositoryPort {
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
  /** Up to `limit` areas under `rootId` (the root excluded) matching `filter`, in `_id` order after `afterId`. */
  listSubtree(
    rootId: string,
    filter: AreaListFilter,
    afterId: string | undefined,
    limit: number,
  ): Promise<Area[]>;
  /** Areas per level under `rootId`. */
  countByLevel(rootId: string): Promise<Partial<Record<AreaLevel, number>>>;
}

export const AREA_REPOSITORY = Symbol('AreaRepositoryPort');
