import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  outboxFieldsForInsert,
  OutboxWriter,
  type OutboxEntry,
  type OutboxWrite,
} from '@sangathan/messaging';
import type { Document } from 'mongodb';
import type { Model } from 'mongoose';
import type { Area } from '../../areas/domain/area.entity';
import { AreaMapper, type AreaRow } from '../../areas/infrastructure/area.mapper';
import { AreaDocument } from '../../areas/infrastructure/area.schema';
import type { Member } from '../../members/domain/member.entity';
import { MemberMapper, type MemberRow } from '../../members/infrastructure/member.mapper';
import { MemberDocument } from '../../members/infrastructure/member.schema';
import type { ImportKind, PlannedInsert } from '../application/import-plan';
import type {
  ChunkConflicts,
  ImportBatch,
  ImportBatchPort,
  NextChunk,
  Versioned,
} from '../application/ports/import-batch.port';

/** Values per `$in` lookup (by `_id` or by phone, both indexed). */
const LOOKUP_CHUNK = 1000;

type Identified = { _id: string };

/** How one collection's aggregates become documents, and which fields say "the same import wrote this". */
type Shape<E> = {
  kind: ImportKind;
  toDocument(entity: E): Identified & Document;
  /** The fields an update sets (everything but `_id` and what others own). */
  toSet(entity: E): Document;
  /** Finds the stored document a duplicate insert met. */
  keyOf(doc: Document): Document;
  sameContentKeys: string[];
};

const AREAS: Shape<Area> = {
  kind: 'areas',
  toDocument: (area) => AreaMapper.toPersistence(area),
  toSet: (area) => {
    const { _id, ...set } = AreaMapper.toPersistence(area);
    return set;
  },
  keyOf: (doc) => ({ _id: doc._id }),
  sameContentKeys: ['level', 'parentId', 'nameEn', 'nameHi'],
};

const MEMBERS: Shape<Member> = {
  kind: 'members',
  toDocument: (member) => MemberMapper.toPersistence(member),
  // lastActiveAt is left out: the activity event controller owns it and may write it concurrently.
  toSet: (member) => {
    const { _id, lastActiveAt: _la, ...set } = MemberMapper.toPersistence(member);
    return set;
  },
  keyOf: (doc) => ({ phone: doc.phone }),
  sameContentKeys: ['name', 'nameAlt', 'kind', 'areaId'],
};

/**
 * Reads what an import's rows refer to in large `$in` batches, and writes its planned chunks through the
 * outbox writer's bulk write: each inserted or updated document carries its own events, and the relay is told.
 */
@Injectable()
export class ImportBatchRepository implements ImportBatchPort {
  /** Documents of a chunk's inserts, made while the previous chunk was written. */
  private readonly prepared = new WeakMap<readonly PlannedInsert<unknown>[], Prepared[]>();

  constructor(
    @InjectModel(AreaDocument.name) private readonly areas: Model<AreaDocument>,
    @InjectModel(MemberDocument.name) private readonly members: Model<MemberDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async areasById(ids: string[]): Promise<Map<string, Versioned<Area>>> {
    const docs = await this.fetch(this.areas, '_id', ids, { outbox: 0, outboxDueAt: 0, booth: 0 });
    return new Map(
      docs.map((doc) => [
        String(doc._id),
        { value: AreaMapper.toDomain(doc as unknown as AreaRow), version: (doc.version as number) ?? 0 },
      ]),
    );
  }

  async areaPaths(ids: string[]): Promise<Map<string, string[]>> {
    const docs = await this.fetch(this.areas, '_id', ids, { ancestors: 1 });
    return new Map(docs.map((doc) => [String(doc._id), doc.ancestors as string[]]));
  }

  async membersByPhone(phones: string[]): Promise<Map<string, Versioned<Member>>> {
    const docs = await this.fetch(this.members, 'phone', phones, { outbox: 0 });
    return new Map(
      docs.map((doc) => [
        String(doc.phone),
        { value: MemberMapper.toDomain(doc as unknown as MemberRow), version: (doc.version as number) ?? 0 },
      ]),
    );
  }

  writeAreas(batch: ImportBatch<Area>, nextChunk: NextChunk<Area>): Promise<ChunkConflicts> {
    return this.write(this.areas, AREAS, batch, nextChunk);
  }

  writeMembers(batch: ImportBatch<Member>, nextChunk: NextChunk<Member>): Promise<ChunkConflicts> {
    return this.write(this.members, MEMBERS, batch, nextChunk);
  }

  /** Documents whose `field` is one of `values`, in `$in` batches on an indexed field. */
  private async fetch<T>(
    model: Model<T>,
    field: '_id' | 'phone',
    values: string[],
    projection: Document,
  ): Promise<Document[]> {
    const found: Document[] = [];
    for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
      const docs = await model.collection
        .find({ [field]: { $in: values.slice(i, i + LOOKUP_CHUNK) } }, { projection })
        .toArray();
      found.push(...docs);
    }
    return found;
  }

  private async write<T, E>(
    model: Model<T>,
    shape: Shape<E>,
    batch: ImportBatch<E>,
    nextChunk: NextChunk<E>,
  ): Promise<ChunkConflicts> {
    const conflicts: ChunkConflicts = { createdMeanwhile: [], notUpdated: [] };
    let overlapped = false;
    const overlap = async (): Promise<void> => {
      if (overlapped) return;
      overlapped = true;
      // Let the driver put the command on the socket first.
      await new Promise((resolve) => setImmediate(resolve));
      const next = nextChunk();
      this.prepared.set(next, prepare(shape, next));
    };
    if (batch.inserts.length > 0) {
      const inserts = (this.prepared.get(batch.inserts) ?? prepare(shape, batch.inserts)) as unknown as {
        insert: Identified & Partial<T>;
        events: OutboxEntry[];
      }[];
      this.prepared.delete(batch.inserts);
      if (batch.onInsert) {
        await batch.onInsert(
          shape.kind,
          inserts.map((write) => ({ ...write.insert, ...outboxFieldsForInsert([...write.events]) })),
        );
      }
      const inserting = this.outbox.bulk(model, inserts).then(
        () => [],
        (error: unknown) => duplicateIndexes(error, inserts.length),
      );
      inserting.catch(() => undefined); // awaited below, after the overlapping work: not unhandled meanwhile
      await overlap();
      // A resumed chunk may meet its own earlier inserts: those are not conflicts.
      for (const index of await inserting) {
        const { insert, events } = inserts[index];
        const doc = insert as Document;
        const existing = await model.collection.findOne(shape.keyOf(doc), { projection: { outbox: 1 } });
        const ownEvent = (existing?.outbox as OutboxEntry[] | undefined)?.some((o) =>
          events.some((e) => e.eventId === o.eventId),
        );
        if (!ownEvent && !(await this.sameContent(model, shape, doc)))
          conflicts.createdMeanwhile.push(
            `${String(doc._id ?? doc.phone)} was created by someone else during the import`,
          );
      }
    }
    await overlap();
    if (batch.updates.length > 0) {
      const writes = batch.updates.map((op): OutboxWrite<T> => ({
        // Documents written before versions existed have none; `null` matches a missing field.
        filter: { _id: op.id, version: op.version === 0 ? { $in: [0, null] } : op.version } as never,
        update: {
          $set: { ...shape.toSet(op.entity), updatedAt: new Date(), version: op.version + 1 },
        } as never,
        events: op.events,
      }));
      const result = await this.outbox.bulk(model, writes);
      const missed = batch.updates.length - (result?.matchedCount ?? 0);
      if (missed > 0)
        conflicts.notUpdated.push(
          `${missed} document(s) changed during the import and were not updated; re-run the import`,
        );
    }
    return conflicts;
  }

  /** True when a document with the same key already holds what this import would write (resume after a crash mid-chunk). */
  private async sameContent<T, E>(model: Model<T>, shape: Shape<E>, doc: Document): Promise<boolean> {
    const existing = await model.collection.findOne(shape.keyOf(doc));
    if (!existing) return false;
    return shape.sameContentKeys.every(
      (k) => JSON.stringify(existing[k] ?? null) === JSON.stringify(doc[k] ?? null),
    );
  }
}

type Prepared = { insert: Identified & Document; events: OutboxEntry[] };

/** The inserts as documents with their events, for the outbox writer (the mapper's fresh row is completed in place). */
function prepare<E>(shape: Shape<E>, inserts: readonly PlannedInsert<E>[]): Prepared[] {
  const now = new Date();
  return inserts.map(({ entity, events }) => ({
    insert: Object.assign(shape.toDocument(entity), { version: 0, createdAt: now, updatedAt: now }),
    events,
  }));
}

type WriteError = { code?: number; index?: number; err?: { index?: number } };

/**
 * The positions of the inserts that met an existing document (duplicate key); any other error is thrown.
 * The driver reports a write error's position in `index` or `err.index` depending on its path, and a lone
 * duplicate sometimes only as the error's own code.
 */
function duplicateIndexes(error: unknown, count: number): number[] {
  const e = error as {
    code?: number;
    writeErrors?: WriteError | WriteError[];
    result?: { writeErrors?: WriteError[] };
  };
  const writeErrors = [e.writeErrors ?? e.result?.writeErrors ?? []].flat();
  if (writeErrors.length === 0 && e.code === 11000 && count === 1) return [0];
  if (writeErrors.length === 0 || !writeErrors.every((w) => w.code === 11000)) throw error;
  return writeErrors.map((w) => w.index ?? w.err?.index ?? -1).filter((i) => i >= 0);
}
