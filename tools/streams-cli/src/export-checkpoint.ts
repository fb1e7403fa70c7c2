import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ReadPlan } from './topic-reader';

/**
 * Where an export stands: what it was asked (so a resume with other arguments is refused), the planned offsets,
 * the next offset to read per partition, and how many bytes of the partial output those offsets account for.
 */
export type ExportCheckpoint = {
  version: 1;
  request: {
    topic: string;
    fromMs: number;
    toMs: number;
    format: string;
    types: string[];
    area: string | null;
  };
  plan: ReadPlan;
  bytes: number;
  rows: number;
  read: number;
};

export function readCheckpoint(path: string): ExportCheckpoint | undefined {
  if (!existsSync(path)) return undefined;
  const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as ExportCheckpoint;
  if (checkpoint.version !== 1)
    throw new Error(`${path} is not a checkpoint of this version of sangathan-streams`);
  return checkpoint;
}

/** Written to a temporary file and renamed, so a crash leaves the old checkpoint or the new one, never half. */
export function writeCheckpoint(path: string, checkpoint: ExportCheckpoint): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${path}.tmp`, path);
}

export function removeCheckpoint(path: string): void {
  rmSync(path, { force: true });
}

/** The same export asked again: same topic, range, format and filters. */
export function sameRequest(a: ExportCheckpoint['request'], b: ExportCheckpoint['request']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
