/** Where momentum states live: a namespace per state (journal, snapshots, meta), one of them active. */
export type StateMeta = {
  _id: string;
  namespace: string;
  gen: number;
  fingerprint: string;
  formulaVersion: number;
  /** Last offset folded into snapshot `gen`, per `<topic>:<partition>` (a list: field names may not contain dots). */
  offsets: { tp: string; offset: number }[];
  snapshotAt: Date;
  events: number;
  /** Chunks of snapshot `gen` (`<gen>:<i>`), read and deleted by _id. */
  chunks: number;
};

export type JournalEntry = { id: string; tp: string; to: number; data: Buffer };
/** One consumed batch of one partition, serialised, as it goes into the journal. */
export type JournalPiece = { tp: string; from: number; to: number; data: Buffer };

export const journalId = (tp: string, from: number): string => `${tp}@${from}`;

/**
 * The persistence the momentum engine needs (docs/momentum.md §Replay): an append-only journal of consumed
 * batches, snapshots written under a new generation, and the active namespace.
 */
export interface MomentumStatePort {
  activeNamespace(): Promise<string | null>;
  setActive(namespace: string): Promise<void>;
  loadMeta(ns: string): Promise<StateMeta | null>;
  createMeta(ns: string, fingerprint: string, formulaVersion: number): Promise<void>;
  appendJournal(ns: string, pieces: readonly JournalPiece[]): Promise<void>;
  readJournal(ns: string): Promise<JournalEntry[]>;
  deleteJournal(ns: string, ids: string[]): Promise<void>;
  readSnapshot(ns: string, gen: number, chunks: number): Promise<Buffer[]>;
  writeSnapshot(
    meta: Omit<StateMeta, '_id' | 'snapshotAt' | 'chunks'>,
    parts: AsyncIterable<Buffer> | Iterable<Buffer>,
    afterChunks?: () => void,
  ): Promise<void>;
  /** Drops every namespace but these; returns the dropped ones. */
  dropAllExcept(keep: string[]): Promise<string[]>;
}

export const MOMENTUM_STATE_PORT = Symbol('MomentumStatePort');
