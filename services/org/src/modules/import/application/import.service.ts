import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { ConflictError, NotFoundError, uuidv7, ValidationError } from '@sangathan/kernel';
import type { RequestContext } from '../../../common/request-context';
import type { Area } from '../../areas/domain/area.entity';
import type { Member } from '../../members/domain/member.entity';
import type {
  ImportKind,
  ImportMode,
  ImportOp,
  ImportPlan,
  ImportReport,
  PlannedInsert,
} from './import-plan';
import { planAreaImport } from './plan-area-import';
import { planMemberImport } from './plan-member-import';
import {
  IMPORT_BATCH,
  type ChunkConflicts,
  type ImportBatch,
  type ImportBatchPort,
  type NextChunk,
} from './ports/import-batch.port';
import { IMPORT_JOBS, type ImportJobPort } from './ports/import-job.port';

export type ImportOptions = {
  principal: Principal;
  ctx: RequestContext;
  mode?: ImportMode;
  /** Same id + same rows resumes an interrupted import where it stopped. */
  importId?: string;
  /** Operations per written chunk. */
  chunkSize?: number;
  /** Called with the documents each chunk inserts (benchmarks compare a raw insert of them). */
  onInsert?: ImportBatch<unknown>['onInsert'];
  /** Fails the write phase after this many chunks (tests of resuming). */
  stopAfterChunks?: number;
  /** Where progress messages go (default: the service's log). */
  log?: (message: string) => void;
};

const MAX_ERRORS_REPORTED = 1000;
const CHUNK_SIZE = 2000;

export class ImportInterruptedError extends Error {}

/**
 * Bulk import of areas and members from parsed rows (CSV or JSON). Two phases, because FerretDB 2
 * has no multi-document transactions: every row is validated first (against the file and the database), and
 * nothing is written unless all rows are valid (or the caller asked for `partial`). Writes then
 * go in chunks, each document carrying its own events (outbox), so re-importing the same file changes
 * nothing (upsert by code or phone) and an interrupted import resumes from its last finished chunk
 * (its progress is an import job).
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('Import');

  constructor(
    @Inject(IMPORT_BATCH) private readonly batches: ImportBatchPort,
    @Inject(IMPORT_JOBS) private readonly jobs: ImportJobPort,
  ) {}

  importAreas(rows: unknown[], options: ImportOptions): Promise<ImportReport> {
    return this.run(
      'areas',
      options,
      () => planAreaImport(rows, options.principal, options.ctx, (ids) => this.batches.areasById(ids)),
      (batch: ImportBatch<Area>, nextChunk) => this.batches.writeAreas(batch, nextChunk),
    );
  }

  importMembers(rows: unknown[], options: ImportOptions): Promise<ImportReport> {
    return this.run(
      'members',
      options,
      () => planMemberImport(rows, options.principal, options.ctx, this.batches),
      (batch: ImportBatch<Member>, nextChunk) => this.batches.writeMembers(batch, nextChunk),
    );
  }

  /** Progress of an import, for whoever started it, or a writer whose subtree holds the starter's area. */
  async progress(importId: string, principal: Principal): Promise<Record<string, unknown>> {
    const job = await this.jobs.find(importId);
    if (!job) throw new NotFoundError('import', importId);
    // Jobs written before the scope was recorded have none: only their starter reads them.
    if (job.by !== principal.sub) {
      assertCan(principal, 'org:write', { areaId: job.areaId ?? '', ancestors: job.ancestors ?? [] });
    }
    const { _id, digest: _d, ...rest } = job;
    return { importId: _id, ...rest };
  }

  private async run<E>(
    kind: ImportKind,
    options: ImportOptions,
    plan: () => Promise<ImportPlan<E>>,
    write: (batch: ImportBatch<E>, nextChunk: NextChunk<E>) => Promise<ChunkConflicts>,
  ): Promise<ImportReport> {
    const log = options.log ?? ((message: string) => this.logger.log(message));
    const chunkSize = options.chunkSize ?? CHUNK_SIZE;
    const started = Date.now();
    const mode = options.mode ?? 'strict';
    const importId = options.importId ?? uuidv7();
    const planned = await plan();
    log(`import ${importId} (${kind}): ${planned.total} rows validated in ${Date.now() - started} ms`);
    const rejectedRows = new Set(planned.errors.map((e) => e.row)).size;
    const base = {
      importId,
      kind,
      mode,
      total: planned.total,
      rejected: rejectedRows,
      errors: planned.errors.slice(0, MAX_ERRORS_REPORTED),
    };
    if (planned.errors.length > 0 && mode === 'strict') {
      throw new ValidationError(
        'IMPORT_INVALID',
        `${rejectedRows} of ${planned.total} rows are invalid (${planned.errors.length} errors); nothing was written`,
        base.errors.map((e) => ({ field: `rows[${e.row}].${e.field}`, message: e.message })),
      );
    }

    const job = await this.jobs.find(importId);
    if (job && job.digest !== planned.digest) {
      throw new ConflictError('IMPORT_ID_REUSED', `import ${importId} was started with different rows`, [
        { field: 'importId', message: 'use a new id for a new file' },
      ]);
    }
    const resumedFrom = job && job.status !== 'done' ? job.doneOps : 0;
    if (job?.status === 'done') {
      return {
        ...base,
        status: 'done',
        created: job.created,
        updated: job.updated,
        unchanged: job.unchanged,
        resumedFrom: planned.ops.length,
        durationMs: Date.now() - started,
      };
    }
    const counts = { created: job?.created ?? 0, updated: job?.updated ?? 0, unchanged: job?.unchanged ?? 0 };
    if (!job) {
      // The starter's scope goes with the job, so reading it back is checked like any record.
      await this.jobs.start({
        _id: importId,
        kind,
        mode,
        digest: planned.digest,
        total: planned.total,
        ops: planned.ops.length,
        doneOps: 0,
        status: 'running',
        ...counts,
        startedAt: new Date(),
        updatedAt: new Date(),
        by: options.principal.sub,
        areaId: options.principal.areaId,
        ancestors: [...options.principal.areaPath],
      });
    }

    const build = (from: number): PlannedInsert<E>[] =>
      planned.ops.slice(from, from + chunkSize).flatMap((op) => (op.kind === 'insert' ? [op.build()] : []));
    let built = build(resumedFrom);
    let chunks = 0;
    for (let start = resumedFrom; start < planned.ops.length; start += chunkSize) {
      if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) {
        throw new ImportInterruptedError(`import ${importId} stopped after ${chunks} chunk(s)`);
      }
      const chunk = planned.ops.slice(start, start + chunkSize);
      let next: PlannedInsert<E>[] = [];
      // The next chunk's aggregates and events are built while the database writes this one (CPU here, I/O there).
      const conflicts = await write(
        { inserts: built, updates: chunk.filter(isUpdate), onInsert: options.onInsert },
        () => {
          next = build(start + chunkSize);
          return next;
        },
      );
      built = next;
      for (const op of chunk) {
        if (op.kind === 'insert') counts.created++;
        else if (op.kind === 'update') counts.updated++;
        else counts.unchanged++;
      }
      counts.created -= conflicts.createdMeanwhile.length;
      base.errors.push(
        ...[...conflicts.createdMeanwhile, ...conflicts.notUpdated].map((message) => ({
          row: 0,
          field: kind === 'areas' ? 'code' : 'phone',
          message,
        })),
      );
      const doneOps = Math.min(start + chunkSize, planned.ops.length);
      await this.jobs.recordProgress(importId, doneOps, counts);
      log(`import ${importId} (${kind}): ${doneOps}/${planned.ops.length} written`);
      chunks++;
    }
    await this.jobs.finish(importId);
    return { ...base, status: 'done', ...counts, resumedFrom, durationMs: Date.now() - started };
  }
}

function isUpdate<E>(op: ImportOp<E>): op is Extract<ImportOp<E>, { kind: 'update' }> {
  return op.kind === 'update';
}
