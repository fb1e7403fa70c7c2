import { createHash } from 'node:crypto';
import { hasPermission, isWithinScope, type Principal } from '@sangathan/auth';
import type { AreaLevel } from '@sangathan/contracts';
import { ApplicationError, ConflictError, ForbiddenError, uuidv7, ValidationError } from '@sangathan/kernel';
import { outboxFieldsForInsert, type OutboxEntry } from '@sangathan/messaging';
import { insertIgnoringDuplicates } from '@sangathan/persistence';
import type { AnyBulkWriteOperation, Db, Document } from 'mongodb';
import type { RequestContext } from '../../../common/request-context';
import { Area, type AreaDomainEvent } from '../../areas/domain/area.entity';
import { LEVEL_RANK } from '../../areas/domain/area-hierarchy';
import { AreaCode } from '../../areas/domain/area-code.value-object';
import { toIntegrationEvents } from '../../areas/area-integration-events';
import { AreaMapper, type AreaRow } from '../../areas/infrastructure/area.mapper';
import { Member, type MemberDomainEvent } from '../../members/domain/member.entity';
import { PhoneNumber } from '../../members/domain/phone-number.value-object';
import { memberIntegrationEvents } from '../../members/member-integration-events';
import { MemberMapper, type MemberRow } from '../../members/infrastructure/member.mapper';
import {
  areaImportRowSchema,
  memberImportRowSchema,
  zodRowErrors,
  type RowError,
} from '../domain/import-rows';

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

export type ImportOptions = {
  principal: Principal;
  ctx: RequestContext;
  mode?: ImportMode;
  /** Same id + same rows resumes an interrupted import where it stopped. */
  importId?: string;
  /** Called with the documents each chunk inserts (benchmarks compare a raw insert of them). */
  onInsert?: (collection: string, docs: Document[]) => void | Promise<void>;
  /** Fails the write phase after this many chunks (tests of resuming). */
  stopAfterChunks?: number;
  /** Called after each chunk with the ids of the documents that gained events (the service hints its outbox relay). */
  onWritten?: (collection: string, ids: string[]) => void;
};

type Op =
  /**
   * A validated new document, built (with its events) only when its chunk is written: an import of
   * 800,000 members holding every finished document and envelope at once needs gigabytes of heap.
   */
  | { kind: 'insert'; id: string; build: () => Document }
  | { kind: 'update'; id: string; version: number; set: Document; events: OutboxEntry[] }
  | { kind: 'unchanged' };

type Plan = { ops: Op[]; errors: RowError[]; total: number; digest: string };

const MAX_ERRORS_REPORTED = 1000;
/** Values per `$in` lookup (by `_id` or by phone, both indexed). */
const LOOKUP_CHUNK = 1000;

export class ImportInterruptedError extends Error {}

/**
 * Bulk import of areas and members from parsed rows (CSV or JSON). Two phases, because FerretDB 2
 * has no multi-document transactions: every row is validated first (against the file and the database), and
 * nothing is written unless all rows are valid (or the caller asked for `partial`). Writes then
 * go in chunks of `insertMany` / `bulkWrite`, each document carrying its own events (outbox), so
 * re-importing the same file changes nothing (upsert by code or phone) and an interrupted import
 * resumes from its last finished chunk (its progress lives in the `imports` collection).
 */
export class BulkImporter {
  constructor(
    private readonly db: Db,
    private readonly log: (message: string) => void = () => undefined,
    private readonly chunkSize = 2000,
  ) {}

  async importAreas(rows: unknown[], options: ImportOptions): Promise<ImportReport> {
    return this.run('areas', options, () => this.planAreas(rows, options));
  }

  async importMembers(rows: unknown[], options: ImportOptions): Promise<ImportReport> {
    return this.run('members', options, () => this.planMembers(rows, options));
  }

  /** The job of an import, with the area of whoever started it (`areaId`, `ancestors`) for scope checks. */
  async progress(importId: string): Promise<Document | null> {
    return this.db.collection('imports').findOne({ _id: importId as never });
  }

  private async run(
    kind: ImportKind,
    options: ImportOptions,
    plan: () => Promise<Plan>,
  ): Promise<ImportReport> {
    const started = Date.now();
    const mode = options.mode ?? 'strict';
    const importId = options.importId ?? uuidv7();
    const planned = await plan();
    this.log(`import ${importId} (${kind}): ${planned.total} rows validated in ${Date.now() - started} ms`);
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

    const jobs = this.db.collection('imports');
    const job = await jobs.findOne({ _id: importId as never });
    if (job && job.digest !== planned.digest) {
      throw new ConflictError('IMPORT_ID_REUSED', `import ${importId} was started with different rows`, [
        { field: 'importId', message: 'use a new id for a new file' },
      ]);
    }
    const resumedFrom = job && job.status !== 'done' ? (job.doneOps as number) : 0;
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
    const counts = {
      created: (job?.created as number) ?? 0,
      updated: (job?.updated as number) ?? 0,
      unchanged: (job?.unchanged as number) ?? 0,
    };
    if (!job) {
      // The starter's scope goes with the job, so reading it back is checked like any record.
      await jobs.insertOne({
        _id: importId as never,
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
        ...importScope(options.principal),
      });
    }

    const collection = this.db.collection(kind);
    const build = (from: number): Document[] =>
      planned.ops
        .slice(from, from + this.chunkSize)
        .flatMap((op) => (op.kind === 'insert' ? [op.build()] : []));
    let built = build(resumedFrom);
    let chunks = 0;
    for (let start = resumedFrom; start < planned.ops.length; start += this.chunkSize) {
      if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) {
        throw new ImportInterruptedError(`import ${importId} stopped after ${chunks} chunk(s)`);
      }
      const chunk = planned.ops.slice(start, start + this.chunkSize);
      let next: Document[] = [];
      // The next chunk's documents are built while the database writes this one (CPU here, I/O there).
      const conflicts = await this.writeChunk(collection.collectionName, chunk, built, options, () => {
        next = build(start + this.chunkSize);
      });
      built = next;
      const written = chunk.flatMap((op) =>
        op.kind === 'insert' ? [op.id] : op.kind === 'update' ? [op.id] : [],
      );
      if (written.length > 0) options.onWritten?.(kind, written);
      for (const op of chunk) {
        if (op.kind === 'insert') counts.created++;
        else if (op.kind === 'update') counts.updated++;
        else counts.unchanged++;
      }
      counts.created -= conflicts.length;
      base.errors.push(
        ...conflicts.map((message) => ({ row: 0, field: kind === 'areas' ? 'code' : 'phone', message })),
      );
      const doneOps = Math.min(start + this.chunkSize, planned.ops.length);
      await jobs.updateOne(
        { _id: importId as never },
        { $set: { doneOps, ...counts, updatedAt: new Date() } },
      );
      this.log(`import ${importId} (${kind}): ${doneOps}/${planned.ops.length} written`);
      chunks++;
    }
    await jobs.updateOne({ _id: importId as never }, { $set: { status: 'done', finishedAt: new Date() } });
    return { ...base, status: 'done', ...counts, resumedFrom, durationMs: Date.now() - started };
  }

  /**
   * Inserts (the chunk's built documents) and updates one chunk; returns messages for documents
   * someone else created meanwhile. `whileWriting` runs once, while the insert is in flight.
   */
  private async writeChunk(
    name: string,
    chunk: Op[],
    inserts: Document[],
    options: ImportOptions,
    whileWriting: () => void,
  ): Promise<string[]> {
    const collection = this.db.collection(name);
    const updates = chunk.filter((op): op is Extract<Op, { kind: 'update' }> => op.kind === 'update');
    const conflicts: string[] = [];
    let overlapped = false;
    const overlap = async (): Promise<void> => {
      if (overlapped) return;
      overlapped = true;
      // Let the driver put the command on the socket first.
      await new Promise((resolve) => setImmediate(resolve));
      whileWriting();
    };
    if (inserts.length > 0) {
      await options.onInsert?.(name, inserts);
      const inserting = insertIgnoringDuplicates(collection, inserts);
      inserting.catch(() => undefined); // awaited below, after the overlapping work: not unhandled meanwhile
      await overlap();
      const { duplicates } = await inserting;
      // A resumed chunk may meet its own earlier inserts: those are not conflicts.
      for (const index of duplicates) {
        const doc = inserts[index];
        const existing = await collection.findOne({ _id: doc._id }, { projection: { _id: 1, outbox: 1 } });
        const ownEvent = existing?.outbox?.some((o: OutboxEntry) =>
          doc.outbox?.some((d: OutboxEntry) => d.eventId === o.eventId),
        );
        const sameImport = existing && (await this.sameContent(collection.collectionName, doc));
        if (!ownEvent && !sameImport)
          conflicts.push(`${String(doc._id ?? doc.phone)} was created by someone else during the import`);
      }
    }
    await overlap();
    if (updates.length > 0) {
      const ops: AnyBulkWriteOperation[] = updates.map((op) => ({
        updateOne: {
          filter: { _id: op.id as never, version: op.version === 0 ? { $in: [0, null] } : op.version },
          update: {
            $set: { ...op.set, outboxDueAt: new Date(), updatedAt: new Date(), version: op.version + 1 },
            $push: { outbox: { $each: op.events } },
          } as never,
        },
      }));
      const result = await collection.bulkWrite(ops, { ordered: false });
      const missed = updates.length - result.matchedCount;
      if (missed > 0)
        conflicts.push(
          `${missed} document(s) changed during the import and were not updated; re-run the import`,
        );
    }
    return conflicts;
  }

  /** True when a document with the same key already holds what this import would write (resume after a crash mid-chunk). */
  private async sameContent(name: string, doc: Document): Promise<boolean> {
    const filter = name === 'members' ? { phone: doc.phone } : { _id: doc._id };
    const existing = await this.db.collection(name).findOne(filter);
    if (!existing) return false;
    const keys =
      name === 'members' ? ['name', 'nameAlt', 'kind', 'areaId'] : ['level', 'parentId', 'nameEn', 'nameHi'];
    return keys.every((k) => JSON.stringify(existing[k] ?? null) === JSON.stringify(doc[k] ?? null));
  }

  private async planAreas(rows: unknown[], options: ImportOptions): Promise<Plan> {
    const errors: RowError[] = [];
    type Parsed = { row: number; input: ReturnType<typeof areaImportRowSchema.parse>; code: string };
    const parsed: Parsed[] = [];
    const seen = new Map<string, number>();
    rows.forEach((raw, i) => {
      const row = i + 1;
      const result = areaImportRowSchema.safeParse(raw);
      if (!result.success) return errors.push(...zodRowErrors(row, result.error.issues));
      let code: string;
      try {
        code = AreaCode.of(result.data.code).value;
      } catch (error) {
        return errors.push(...rowErrors(row, error));
      }
      const first = seen.get(code);
      if (first) return errors.push({ row, field: 'code', message: `duplicate of row ${first}` });
      seen.set(code, row);
      parsed.push({ row, input: result.data, code });
    });

    // Everything the rows refer to that is already stored: the rows themselves, parents and Lok Sabha seats outside the file.
    const inFile = new Set(parsed.map((p) => p.code));
    const referenced = new Set<string>();
    for (const p of parsed) {
      if (p.input.parentId && !inFile.has(p.input.parentId.trim().toUpperCase()))
        referenced.add(p.input.parentId.trim().toUpperCase());
      if (p.input.lokSabhaId && !inFile.has(p.input.lokSabhaId.trim().toUpperCase()))
        referenced.add(p.input.lokSabhaId.trim().toUpperCase());
    }
    const stored = await this.fetchById<AreaRow & { version?: number }>('areas', [...inFile, ...referenced], {
      outbox: 0,
      outboxDueAt: 0,
      booth: 0,
    });

    type Placed = { id: string; level: AreaLevel; ancestors: string[]; lokSabhaId: string | null };
    const placed = new Map<string, Placed | 'invalid'>();
    for (const doc of stored.values()) {
      if (!inFile.has(doc._id))
        placed.set(doc._id, {
          id: doc._id,
          level: doc.level,
          ancestors: doc.ancestors,
          lokSabhaId: doc.lokSabhaId ?? null,
        });
    }
    const ops: Op[] = [];
    const now = new Date();
    parsed.sort((a, b) => LEVEL_RANK[a.input.level] - LEVEL_RANK[b.input.level] || a.row - b.row);
    for (const { row, input, code } of parsed) {
      const rowErrs: RowError[] = [];
      const parentId = input.parentId?.trim().toUpperCase() ?? null;
      const parent = parentId ? placed.get(parentId) : null;
      if (parentId && !parent)
        rowErrs.push({ row, field: 'parentId', message: `unknown parent ${parentId}` });
      if (parent === 'invalid')
        rowErrs.push({ row, field: 'parentId', message: `parent ${parentId} is invalid in this file` });
      const parentRef = parent && parent !== 'invalid' ? parent : null;
      let lokSabhaId: string | null = null;
      if (input.lokSabhaId) {
        const ls = placed.get(input.lokSabhaId.trim().toUpperCase());
        if (!ls || ls === 'invalid' || ls.level !== 'lok-sabha')
          rowErrs.push({ row, field: 'lokSabhaId', message: `${input.lokSabhaId} is not a Lok Sabha seat` });
        else if (input.level !== 'assembly')
          rowErrs.push({ row, field: 'lokSabhaId', message: 'only assembly seats link to a Lok Sabha seat' });
        else lokSabhaId = ls.id;
      }
      const ancestors = parentRef ? [...parentRef.ancestors, parentRef.id] : [];
      // Scope is judged where the area will sit; a row without a valid parent already has its error.
      const placeable = rowErrs.length === 0;
      if (
        placeable &&
        (!hasPermission(options.principal, 'org:write') ||
          !isWithinScope(options.principal, { areaId: code, ancestors }))
      ) {
        rowErrs.push({ row, field: 'code', message: `outside your area ${options.principal.areaId}` });
      }
      let area: Area | null = null;
      let created: AreaDomainEvent | null = null;
      if (rowErrs.length === 0) {
        try {
          const result = Area.create({
            code,
            level: input.level,
            parent: parentRef
              ? {
                  id: parentRef.id,
                  level: parentRef.level,
                  ancestors: parentRef.ancestors,
                  lokSabhaId: parentRef.lokSabhaId,
                }
              : null,
            nameEn: input.nameEn,
            nameHi: input.nameHi ?? null,
            seatClass: input.seatClass,
            lastMargin: input.lastMargin,
            lokSabhaId,
            figures: {
              boothCount: input.boothCount ?? null,
              voterCount: input.voterCount ?? null,
              beneficiaryCount: input.beneficiaryCount ?? null,
              socialComposition: input.socialComposition ?? null,
            },
          });
          area = result.area;
          created = result.event;
        } catch (error) {
          rowErrs.push(...rowErrors(row, error));
        }
      }
      const existing = stored.get(code);
      if (area && existing) {
        if (existing.level !== area.level)
          rowErrs.push({ row, field: 'level', message: `${code} exists as a ${existing.level}` });
        else if ((existing.parentId ?? null) !== area.parentId) {
          rowErrs.push({
            row,
            field: 'parentId',
            message: `${code} sits under ${existing.parentId}; use POST /areas/${code}/move to move it`,
          });
        }
      }
      if (rowErrs.length > 0 || !area) {
        errors.push(...rowErrs);
        placed.set(code, 'invalid');
        continue;
      }
      placed.set(code, {
        id: code,
        level: area.level,
        ancestors: area.ancestors,
        lokSabhaId: area.lokSabhaId,
      });
      if (!existing) {
        const newArea = area;
        const event = created!;
        ops.push({
          kind: 'insert',
          id: code,
          build: () => ({
            ...AreaMapper.toPersistence(newArea),
            version: 0,
            ...outboxFieldsForInsert(toIntegrationEvents([event], options.ctx)),
            createdAt: now,
            updatedAt: now,
          }),
        });
        continue;
      }
      // Upsert by code: apply the row's names, figures and class to the stored area; no event when nothing changed.
      const current = AreaMapper.toDomain(existing);
      const domainEvents: AreaDomainEvent[] = [];
      try {
        const figures = area.figures;
        const updated = current.update({
          nameEn: area.name.en,
          nameHi: area.name.hi,
          ...(area.level === 'assembly' ? { lokSabhaId: area.lokSabhaId } : {}),
          ...figures,
        });
        if (updated) domainEvents.push(updated);
        if (area.level === 'lok-sabha' || area.level === 'assembly') {
          const reclassified = current.reclassify(area.seatClass, area.lastMargin);
          if (reclassified) domainEvents.push(reclassified);
        }
      } catch (error) {
        errors.push(...rowErrors(row, error));
        placed.set(code, 'invalid');
        continue;
      }
      if (domainEvents.length === 0) {
        ops.push({ kind: 'unchanged' });
        continue;
      }
      const { _id, ...set } = AreaMapper.toPersistence(current);
      ops.push({
        kind: 'update',
        id: _id,
        version: existing.version ?? 0,
        set,
        events: toIntegrationEvents(domainEvents, options.ctx),
      });
    }
    return { ops, errors: errors.sort((a, b) => a.row - b.row), total: rows.length, digest: digest(rows) };
  }

  private async planMembers(rows: unknown[], options: ImportOptions): Promise<Plan> {
    const errors: RowError[] = [];
    type Parsed = {
      row: number;
      input: ReturnType<typeof memberImportRowSchema.parse>;
      phone: string;
      areaId: string;
    };
    const parsed: Parsed[] = [];
    const seen = new Map<string, number>();
    rows.forEach((raw, i) => {
      const row = i + 1;
      const result = memberImportRowSchema.safeParse(raw);
      if (!result.success) return errors.push(...zodRowErrors(row, result.error.issues));
      let phone: string;
      try {
        phone = PhoneNumber.of(result.data.phone).value;
      } catch (error) {
        return errors.push(...rowErrors(row, error));
      }
      const first = seen.get(phone);
      if (first) return errors.push({ row, field: 'phone', message: `same phone as row ${first}` });
      seen.set(phone, row);
      parsed.push({ row, input: result.data, phone, areaId: result.data.areaId.trim().toUpperCase() });
    });
    const homes = await this.fetchById<{ _id: string; ancestors: string[] }>(
      'areas',
      [...new Set(parsed.map((p) => p.areaId))],
      { ancestors: 1 },
    );
    const existing = await this.fetchByPhone<MemberRow & { version?: number }>(
      parsed.map((p) => p.phone),
      { outbox: 0 },
    );

    const ops: Op[] = [];
    const now = new Date();
    for (const { row, input, phone, areaId } of parsed) {
      const home = homes.get(areaId);
      if (!home) {
        errors.push({ row, field: 'areaId', message: `unknown area ${areaId}` });
        continue;
      }
      if (
        !hasPermission(options.principal, 'org:write') ||
        !isWithinScope(options.principal, { areaId, ancestors: home.ancestors })
      ) {
        errors.push({ row, field: 'areaId', message: `outside your area ${options.principal.areaId}` });
        continue;
      }
      const stored = existing.get(phone);
      try {
        if (!stored) {
          const { member, event } = Member.register({
            id: uuidv7(),
            phone,
            name: input.name,
            nameAlt: input.nameAlt ?? null,
            kind: input.kind ?? 'worker',
            home: { id: areaId, ancestors: home.ancestors },
            now,
            by: options.principal.sub,
          });
          ops.push({
            kind: 'insert',
            id: member.id,
            build: () => ({
              ...MemberMapper.toPersistence(member),
              version: 0,
              ...outboxFieldsForInsert(memberIntegrationEvents([event], options.ctx)),
              createdAt: now,
              updatedAt: now,
            }),
          });
          continue;
        }
        const member = MemberMapper.toDomain(stored);
        const changes: Parameters<Member['update']>[0] = {
          name: input.name,
          nameAlt: input.nameAlt ?? null,
          home: { id: areaId, ancestors: home.ancestors },
        };
        if (input.kind) changes.kind = input.kind;
        const event = member.update(changes);
        if (!event) {
          ops.push({ kind: 'unchanged' });
          continue;
        }
        const { _id, lastActiveAt: _la, ...set } = MemberMapper.toPersistence(member);
        ops.push({
          kind: 'update',
          id: _id,
          version: stored.version ?? 0,
          set,
          events: memberIntegrationEvents([event as MemberDomainEvent], options.ctx),
        });
      } catch (error) {
        errors.push(...rowErrors(row, error));
      }
    }
    return { ops, errors: errors.sort((a, b) => a.row - b.row), total: rows.length, digest: digest(rows) };
  }

  /** Documents by `_id`, in `_id $in` batches. */
  private async fetchById<T extends Document>(
    collection: string,
    ids: string[],
    projection: Document,
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const col = this.db.collection(collection);
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const docs = await col
        .find({ _id: { $in: ids.slice(i, i + LOOKUP_CHUNK) as never[] } }, { projection })
        .toArray();
      for (const doc of docs) found.set(String(doc._id), doc as unknown as T);
    }
    return found;
  }

  /** Members by phone, in `$in` batches on the unique phone index. */
  private async fetchByPhone<T extends Document>(
    phones: string[],
    projection: Document,
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const col = this.db.collection('members');
    for (let i = 0; i < phones.length; i += LOOKUP_CHUNK) {
      const docs = await col
        .find({ phone: { $in: phones.slice(i, i + LOOKUP_CHUNK) } }, { projection })
        .toArray();
      for (const doc of docs) found.set(String(doc.phone), doc as unknown as T);
    }
    return found;
  }
}

function rowErrors(row: number, error: unknown): RowError[] {
  if (error instanceof ApplicationError && !(error instanceof ForbiddenError)) {
    return (error.details.length ? error.details : [{ field: '(row)', message: error.message }]).map((d) => ({
      row,
      field: d.field ?? '(row)',
      message: d.message === 'required' ? error.message : `${d.message}: ${error.message}`,
    }));
  }
  throw error;
}

function digest(rows: unknown[]): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(JSON.stringify(row)).update('\n');
  return hash.digest('hex');
}

/**
 * A job is read back under the scope of the one who started it: their area and its path. Someone
 * else reads it only if that area lies in their own subtree, as for any other record.
 */
export function importScope(principal: Principal): { areaId: string; ancestors: string[] } {
  return { areaId: principal.areaId, ancestors: [...principal.areaPath] };
}
