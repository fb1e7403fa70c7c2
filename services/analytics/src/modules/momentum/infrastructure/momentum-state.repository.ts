import { insertIgnoringDuplicates } from '@sangathan/persistence';
import { mongo } from 'mongoose';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  journalId,
  type JournalEntry,
  type JournalPiece,
  type MomentumStatePort,
  type StateMeta,
} from '../application/ports/momentum-state.port';

/** Snapshot part size: bounded so a snapshot never sits whole in memory. */
const CHUNK_BYTES = 2 * 1024 * 1024;
export const META_COLLECTION = 'momentum_meta';

/** `z: 1` marks deflated data (fast level: the journal write is on the ingest path, bytes cost more than CPU here). */
type JournalDoc = { _id: string; tp: string; from: number; to: number; data: mongo.Binary; z?: 1 };

/**
 * Where one momentum state lives in MongoDB: a namespace of its own collections
 * (`momentum_<ns>_journal`, `momentum_<ns>_snapshot`) plus a row in `momentum_meta`. A replay
 * builds a fresh namespace and the `active` row switches to it (docs/momentum.md §Replay).
 *
 * Nothing here needs a transaction: the journal is append-only (one insert per consumed batch,
 * keyed by partition and first offset), a snapshot is written under a new generation and becomes
 * current with one single-document update of the meta row, and old generations are deleted after.
 */
export class MomentumStateRepository implements MomentumStatePort {
  constructor(private readonly db: mongo.Db) {}

  private journal(ns: string) {
    return this.db.collection<JournalDoc>(`momentum_${ns}_journal`);
  }

  private snapshots(ns: string) {
    return this.db.collection<{ _id: string; gen: number; i: number; data: mongo.Binary }>(
      `momentum_${ns}_snapshot`,
    );
  }

  private get meta() {
    return this.db.collection<StateMeta>(META_COLLECTION);
  }

  async activeNamespace(): Promise<string | null> {
    const doc = await this.db
      .collection<{ _id: string; namespace: string }>(META_COLLECTION)
      .findOne({ _id: 'active' });
    return doc?.namespace ?? null;
  }

  async setActive(namespace: string): Promise<void> {
    await this.db
      .collection<{ _id: string; namespace: string; since: Date }>(META_COLLECTION)
      .updateOne({ _id: 'active' }, { $set: { namespace, since: new Date() } }, { upsert: true });
  }

  async loadMeta(ns: string): Promise<StateMeta | null> {
    return this.meta.findOne({ _id: `state:${ns}` });
  }

  /** Records a new, empty state and the formula it is built with (generation 0: no snapshot yet). */
  async createMeta(ns: string, fingerprint: string, formulaVersion: number): Promise<void> {
    await this.meta.updateOne(
      { _id: `state:${ns}` },
      {
        $setOnInsert: {
          namespace: ns,
          gen: 0,
          fingerprint,
          formulaVersion,
          offsets: [],
          snapshotAt: new Date(),
          events: 0,
          chunks: 0,
        },
      },
      { upsert: true },
    );
  }

  /** Appends batches in one round trip; a retry of a batch (same partition and first offset) is a no-op. */
  async appendJournal(ns: string, pieces: readonly JournalPiece[]): Promise<void> {
    await insertIgnoringDuplicates(
      this.journal(ns),
      pieces.map(({ tp, from, to, data }) => ({
        _id: journalId(tp, from),
        tp,
        from,
        to,
        data: new mongo.Binary(deflateRawSync(data, { level: 1 })),
        z: 1 as const,
      })),
    );
  }

  /** The whole journal (read once at start), in partition and offset order. */
  async readJournal(ns: string): Promise<JournalEntry[]> {
    const docs = await this.journal(ns).find({}).toArray();
    return docs
      .sort((a, b) => (a.tp === b.tp ? a.from - b.from : a.tp < b.tp ? -1 : 1))
      .map((doc) => {
        const raw = Buffer.from(doc.data.buffer);
        return { id: doc._id, tp: doc.tp, to: doc.to, data: doc.z === 1 ? inflateRawSync(raw) : raw };
      });
  }

  /** Deletes journal documents by id (those a snapshot now covers); one `_id $in` per 500. */
  async deleteJournal(ns: string, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.journal(ns).deleteMany({ _id: { $in: ids.slice(i, i + 500) } });
    }
  }

  /** The parts of snapshot `gen`, as written. */
  async readSnapshot(ns: string, gen: number, chunks: number): Promise<Buffer[]> {
    const data: Buffer[] = [];
    for (let i = 0; i < chunks; i++) {
      const doc = await this.snapshots(ns).findOne({ _id: `${gen}:${i}` });
      if (!doc) throw new Error(`snapshot ${ns} gen ${gen} misses chunk ${i}`);
      data.push(Buffer.from(doc.data.buffer));
    }
    const all = Buffer.concat(data);
    const parts: Buffer[] = [];
    for (let offset = 0; offset < all.length;) {
      const length = all.readUInt32LE(offset);
      parts.push(all.subarray(offset + 4, offset + 4 + length));
      offset += 4 + length;
    }
    return parts;
  }

  /**
   * Writes generation `meta.gen` (its parts, length-prefixed, cut into chunk documents as they come, so the whole
   * snapshot is never in memory at once) and then makes it current; a crash before the last step leaves
   * the previous one current.
   */
  async writeSnapshot(
    meta: Omit<StateMeta, '_id' | 'snapshotAt' | 'chunks'>,
    parts: AsyncIterable<Buffer> | Iterable<Buffer>,
    afterChunks?: () => void,
  ): Promise<void> {
    const ns = meta.namespace;
    const collection = this.snapshots(ns);
    const previous = await this.loadMeta(ns);
    let chunks = 0;
    let pending: Buffer[] = [];
    let size = 0;
    const flush = async () => {
      // replaceOne: a crashed earlier attempt at this generation left chunks with the same ids.
      const doc = {
        _id: `${meta.gen}:${chunks}`,
        gen: meta.gen,
        i: chunks,
        data: new mongo.Binary(Buffer.concat(pending, size)),
      };
      await collection.replaceOne({ _id: doc._id }, doc, { upsert: true });
      chunks++;
      pending = [];
      size = 0;
    };
    for await (const part of parts) {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(part.length);
      for (const piece of [length, part]) {
        for (let offset = 0; offset < piece.length;) {
          const take = Math.min(piece.length - offset, CHUNK_BYTES - size);
          pending.push(piece.subarray(offset, offset + take));
          size += take;
          offset += take;
          if (size === CHUNK_BYTES) await flush();
        }
      }
    }
    if (size > 0 || chunks === 0) await flush();
    afterChunks?.();
    // One single-document update makes the generation current; everything before it is invisible.
    await this.meta.updateOne(
      { _id: `state:${ns}` },
      { $set: { ...meta, chunks, snapshotAt: new Date() } },
      { upsert: true },
    );
    if (previous && previous.gen !== meta.gen) {
      await collection.deleteMany({
        _id: { $in: Array.from({ length: previous.chunks ?? 0 }, (_, i) => `${previous.gen}:${i}`) },
      });
    }
  }

  /** Drops every namespace except `keep` (old states after a switch-over, abandoned replays). */
  async dropAllExcept(keep: string[]): Promise<string[]> {
    const names = (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    const dropped: string[] = [];
    for (const name of names) {
      const match = /^momentum_(.+)_(journal|snapshot)$/.exec(name);
      if (!match || keep.includes(match[1])) continue;
      await this.db.dropCollection(name).catch(() => undefined);
      await this.meta.deleteOne({ _id: `state:${match[1]}` });
      dropped.push(name);
    }
    return dropped;
  }
}
