import type { Area } from '../../../areas/domain/area.entity';
import type { Member } from '../../../members/domain/member.entity';
import type { ImportKind, PlannedInsert, PlannedUpdate } from '../import-plan';

export type Versioned<T> = { value: T; version: number };

/** One chunk of planned writes of one collection. */
export type ImportBatch<E> = {
  inserts: PlannedInsert<E>[];
  updates: PlannedUpdate<E>[];
  /** Called with the documents about to be inserted (benchmarks compare a raw insert of them). */
  onInsert?: (collection: ImportKind, docs: Record<string, unknown>[]) => void | Promise<void>;
};

/** Builds the next chunk's inserts (the service's work overlapped with a write). */
export type NextChunk<E> = () => PlannedInsert<E>[];

/** What a chunk could not write as planned, as messages for the report. */
export type ChunkConflicts = {
  /** Documents someone else created during the import (not counted as created). */
  createdMeanwhile: string[];
  /** Updates that missed their version (changed during the import). */
  notUpdated: string[];
};

/**
 * What an import reads and writes (adapter: infrastructure/import-batch.repository.ts): the stored aggregates
 * its rows refer to, looked up in large batches, and chunks of planned inserts and updates, each document
 * carrying its own events.
 */
export interface ImportBatchPort {
  areasById(ids: string[]): Promise<Map<string, Versioned<Area>>>;
  /** The `ancestors` of each area that exists. */
  areaPaths(ids: string[]): Promise<Map<string, string[]>>;
  membersByPhone(phones: string[]): Promise<Map<string, Versioned<Member>>>;
  /**
   * Writes one chunk (inserts, then updates). `nextChunk` runs once, while the inserts are in flight, and
   * answers the next chunk's inserts, which the adapter turns into documents then too (CPU here, I/O there).
   */
  writeAreas(batch: ImportBatch<Area>, nextChunk: NextChunk<Area>): Promise<ChunkConflicts>;
  writeMembers(batch: ImportBatch<Member>, nextChunk: NextChunk<Member>): Promise<ChunkConflicts>;
}

export const IMPORT_BATCH = Symbol('ImportBatchPort');
