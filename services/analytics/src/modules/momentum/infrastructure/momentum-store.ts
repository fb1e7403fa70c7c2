import { mongo } from 'mongoose';

const CHUNK_BYTES = 4 * 1024 * 1024;
export const META_COLLECTION = 'momentum_meta';

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
};

export type JournalDoc = { _id: string; tp: string; from: number; to: number; data: mongo.Binary };

/**
 * Where one momentum state lives in MongoDB: a namespace of its own collections
 * (`momentum_<ns>_journal`, `momentum_<ns>_snapshot`) plus a row in `momentum_meta`. A replay
 * builds a fresh namespace and the `active` row switches to it (docs/momentum.md §Replay).
 *
 * Nothing here needs a transaction: the journal is append-only (one insert per consumed batch,
 * keyed by partition and first offset), a snapshot is written under a new generation and becomes
 * current with one single-document update of the meta row, and old generations are deleted after.
 */
export class MomentumStore {
  constructor(private readonly db: mongo.Db) {}

  private journal(ns: string) {
    return this.db.collection<JournalDoc>(`momentum_${ns}_journal`);
  }

  private snapshots(ns: string) {
    return this.db.collection<{ _id: string; gen: number; i: number; data: mongo.Binary }>(`momentum_${ns}_snapshot`);
  }

  private get meta() {
    return this.db.collection<StateMeta>(META_COLLECTION);
  }

  async activeNamespace(): Promise<string | null> {
    const doc = await this.db.collection<{ _id: string; namespace: string }>(META_COLLECTION).findOne({ _id: 'active' });
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
      { $setOnInsert: { namespace: ns, gen: 0, fingerprint, formulaVersion, offsets: [], snapshotAt: new Date(), events: 0 } },
      { upsert: true },
    );
  }

  async ensureIndexes(ns: string): Promise<void> {
    await this.journal(ns).createIndex({ tp: 1, from: 1 });
  }

  /** Appends a batch; a retry of the same batch (same first offset) is a no-op. */
  async appendJournal(ns: string, tp: string, from: number, to: number, data: Buffer): Promise<void> {
    try {
      await this.journal(ns).insertOne({ _id: `${tp}@${from}`, tp, from, to, data: new mongo.Binary(data) });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }

  async readJournal(ns: string): Promise<JournalDoc[]> {
    return this.journal(ns).find({}).sort({ tp: 1, from: 1 }).toArray();
  }

  async readSnapshot(ns: string, gen: number): Promise<Buffer> {
    const chunks = await this.snapshots(ns).find({ gen }).sort({ i: 1 }).toArray();
    return Buffer.concat(chunks.map((c) => Buffer.from(c.data.buffer)));
  }

  /** Writes generation `meta.gen` and then makes it current; a crash before the last step leaves the previous one current. */
  async writeSnapshot(meta: Omit<StateMeta, '_id' | 'snapshotAt'>, data: Buffer, afterChunks?: () => void): Promise<void> {
    // One single-document update below makes the generation current; everything before it is invisible.
    const ns = meta.namespace;
    const collection = this.snapshots(ns);
    await collection.deleteMany({ gen: meta.gen }); // leftovers of a crashed attempt at this generation
    for (let i = 0, offset = 0; offset < data.length || i === 0; i++, offset += CHUNK_BYTES) {
      await collection.insertOne({ _id: `${meta.gen}:${i}`, gen: meta.gen, i, data: new mongo.Binary(data.subarray(offset, offset + CHUNK_BYTES)) });
    }
    afterChunks?.();
    await this.meta.updateOne({ _id: `state:${ns}` }, { $set: { ...meta, snapshotAt: new Date() } }, { upsert: true });
    await collection.deleteMany({ gen: { $ne: meta.gen } });
    for (const { tp, offset } of meta.offsets) {
      await this.journal(ns).deleteMany({ tp, to: { $lte: offset } });
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
