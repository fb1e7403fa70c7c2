import type { OutboxEntry } from '@sangathan/messaging';
import type { Area } from '../domain/area.entity';

/** Persistence port for areas; the Mongo adapter lives in infrastructure/. */
export interface AreaRepository {
  findById(id: string): Promise<Area | null>;
  /** Inserts the area together with the events announcing it (one atomic write). Conflict if the code exists. */
  insert(area: Area, events: OutboxEntry[]): Promise<void>;
}

export const AREA_REPOSITORY = Symbol('AreaRepository');
