import type { OutboxEntry } from '@sangathan/messaging';
import type { ProgrammeState, ProgrammeSummary } from '../../domain/training-state';
import type { PageRequest } from './page-request';

/** Training programmes: the programme itself and its materialisation progress (lease, counters). */
export interface ProgrammeRepositoryPort {
  /** The programme without its planned sessions (what every read needs). */
  findById(id: string): Promise<ProgrammeSummary | null>;
  /** A new programme with its `programme.created` event. */
  insert(programme: ProgrammeState, events: readonly OutboxEntry[]): Promise<void>;
  /** Ids of programmes still being materialised whose lease has run out (or never started). */
  findResumable(now: Date, limit: number): Promise<string[]>;
  /** Takes the materialisation lease of a pending programme (answered with its plan); null if it is done or leased by someone else. */
  claimLease(id: string, now: Date, until: Date): Promise<ProgrammeState | null>;
  renewLease(id: string, until: Date): Promise<void>;
  /** Marks a pending programme materialised; null if it already was. */
  markMaterialised(id: string, at: Date): Promise<ProgrammeSummary | null>;
  addInvited(id: string, count: number): Promise<void>;
  addSessionInvited(id: string): Promise<void>;
  /** Programmes whose audience includes this position type. */
  idsInvitingPositionType(positionType: string): Promise<string[]>;
  /** Programmes rooted at the area, inside it, or above it (on its path). */
  pageAround(
    area: { areaId: string; areaPath: readonly string[] },
    page: PageRequest,
  ): Promise<ProgrammeSummary[]>;
}

export const PROGRAMME_REPOSITORY = Symbol('ProgrammeRepositoryPort');
