import { createHash } from 'node:crypto';
import { ApplicationError, ForbiddenError } from '@sangathan/kernel';
import type { OutboxEntry } from '@sangathan/messaging';
import type { RowError } from '../domain/import-rows';

export type ImportKind = 'areas' | 'members';
export type ImportMode = 'strict' | 'partial';

export type ImportReport = {
  importId: string;
  kind: ImportKind;
  mode: ImportMode;
  status: 'done' | 'rejected';
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Operations skipped because an earlier run of the same import had written them. */
  resumedFrom: number;
  errors: RowError[];
  durationMs: number;
};

/** A new aggregate (area or member) with the events announcing it. */
export type PlannedInsert<E> = { entity: E; events: OutboxEntry[] };

/** A stored aggregate changed by its row, to be saved if still at `version`. */
export type PlannedUpdate<E> = { id: string; version: number; entity: E; events: OutboxEntry[] };

/** What one valid row does. */
export type ImportOp<E> =
  /**
   * A new aggregate, built (with its events) only when its chunk is written: an import of
   * 800,000 members holding every finished aggregate and envelope at once needs gigabytes of heap.
   */
  | { kind: 'insert'; id: string; build: () => PlannedInsert<E> }
  | ({ kind: 'update' } & PlannedUpdate<E>)
  | { kind: 'unchanged' };

/** Every row validated against the file and the database: the operations to write, or the errors. */
export type ImportPlan<E> = { ops: ImportOp<E>[]; errors: RowError[]; total: number; digest: string };

/** A domain error of one row, as row errors; anything else (a bug, a refused permission) is thrown. */
export function rowErrors(row: number, error: unknown): RowError[] {
  if (error instanceof ApplicationError && !(error instanceof ForbiddenError)) {
    return (error.details.length ? error.details : [{ field: '(row)', message: error.message }]).map((d) => ({
      row,
      field: d.field ?? '(row)',
      message: d.message === 'required' ? error.message : `${d.message}: ${error.message}`,
    }));
  }
  throw error;
}

/** Identifies a file's rows, so an import id re-sent with other rows is refused. */
export function importDigest(rows: unknown[]): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(JSON.stringify(row)).update('\n');
  return hash.digest('hex');
}
