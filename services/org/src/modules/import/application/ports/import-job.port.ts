import type { ImportKind, ImportMode } from '../import-plan';

export type ImportCounts = { created: number; updated: number; unchanged: number };

/** The progress of one import, kept so that re-sending the file resumes it. */
export type ImportJob = ImportCounts & {
  _id: string;
  kind: ImportKind;
  mode: ImportMode;
  digest: string;
  total: number;
  ops: number;
  doneOps: number;
  status: 'running' | 'done';
  startedAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  /** Who started it, and their area (jobs written before the scope was recorded have none). */
  by: string;
  areaId?: string;
  ancestors?: string[];
};

/** Import jobs (adapter: infrastructure/import-job.repository.ts). */
export interface ImportJobPort {
  find(importId: string): Promise<ImportJob | null>;
  start(job: ImportJob): Promise<void>;
  recordProgress(importId: string, doneOps: number, counts: ImportCounts): Promise<void>;
  finish(importId: string): Promise<void>;
}

export const IMPORT_JOBS = Symbol('ImportJobPort');
