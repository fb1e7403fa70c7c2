import { Logger } from '@nestjs/common';
import type { DeliveredEvent } from '@sangathan/messaging';
import { deserialize, serialize } from 'node:v8';
import { AreaTree, type AreaRow } from '../domain/area-tree';
import { DedupRing, type RingEntries } from '../domain/dedup-ring';
import type { MomentumFormula } from '../domain/momentum-formula';
import { MomentumState, type StateCut } from '../domain/momentum-state';
import { JournalGroupWriter } from './journal-group-writer';
import { toJournalItem, type JournalItem } from './journal-item';
import { journalId, type JournalPiece, type MomentumStatePort } from './ports/momentum-state.port';

/** Version of the snapshot layout below; part of the state fingerprint, so state in an older layout is rebuilt by replay. */
export const SNAPSHOT_LAYOUT = 4;

/** Tree rows per snapshot part: each is encoded in one go (~10 ms), with the event loop free between parts. */
const TREE_SLICE = 10_000;

/** Part 0 of a snapshot; then the tree row slices, the state body, and one part per partition's dedup ring. */
type SnapshotHeader = { offsets: Record<string, number>; events: number; treeSlices: number };

export class FormulaMismatchError extends Error {}

export type EngineStats = {
  namespace: string;
  fingerprint: string;
  events: number;
  republishedSkipped: number;
  redeliveredSkipped: number;
  areas: number;
  parked: number;
  offsets: Record<string, number>;
  snapshotGen: number;
  lastAppliedAt: string | null;
};

/**
 * Folds consumed events into a MomentumState, exactly once per message, without transactions:
 *
 * 1. Each batch (one partition, consecutive offsets) is folded (the API sees it at once) and then
 *    written to the journal as ONE document before the handler returns, i.e. before the consumer
 *    commits its offsets, so nothing acknowledged to Kafka can be lost by a `kill -9`; a kill
 *    before the write loses only memory, and Kafka delivers the batch again. Concurrent batches
 *    of other partitions share one write (JournalGroupWriter). A batch folded but not journaled
 *    (the write failed) is made durable by a snapshot before any later batch is acknowledged.
 * 2. The state remembers the last offset applied per partition and skips anything at or below
 *    it (redelivery after a crash or a rebalance), and skips event ids it applied at a smaller
 *    offset of the same partition (a producer publishing one event twice).
 * 3. Snapshots (generation-numbered, made current by one meta update) bound the journal.
 *
 * Restart = last snapshot + journal after it, through the same code path as live consumption.
 */
export class MomentumEngine {
  private readonly logger = new Logger('MomentumEngine');
  private applied = new Map<string, number>();
  private rings = new Map<string, DedupRing>();
  private events = 0;
  private republishedSkipped = 0;
  private redeliveredSkipped = 0;
  private gen = 0;
  private sinceSnapshot = 0;
  private lastSnapshotAt = Date.now();
  private snapshotting?: Promise<void>;
  private snapshotQueue: Promise<void> = Promise.resolve();
  private lastAppliedAt: number | null = null;
  /** Journal documents not yet covered by a snapshot (deleted by id once one is). */
  private journaled: { id: string; tp: string; to: number }[] = [];
  /**
   * False for a replay: nothing is journaled (a replay that dies is dropped and started again), and
   * the state becomes durable with the snapshot taken at switch-over.
   */
  journaling = true;
  /** Test hook: throws at a named point to simulate a crash (or a failed write) there. */
  crashAt?: (point: 'before-journal' | 'after-journal' | 'after-snapshot-chunks') => void;
  private readonly journal: JournalGroupWriter;
  /** A folded batch missed its journal write: the next successful batch snapshots first. */
  private unjournaled = false;

  private constructor(
    private readonly store: MomentumStatePort,
    readonly namespace: string,
    readonly formula: MomentumFormula,
    readonly fingerprint: string,
    public state: MomentumState,
  ) {
    this.journal = new JournalGroupWriter((pieces) => this.store.appendJournal(this.namespace, pieces));
  }

  /**
   * Opens (or creates) the state of `namespace`; refuses state built with another formula. A new state reuses the
   * strings of `stringSource` (the live tree, while a replay builds the next one beside it).
   */
  static async open(
    store: MomentumStatePort,
    namespace: string,
    formula: MomentumFormula,
    fingerprint: string,
    stringSource?: AreaTree,
  ): Promise<MomentumEngine> {
    const meta = await store.loadMeta(namespace);
    if (meta && meta.fingerprint !== fingerprint) {
      throw new FormulaMismatchError(
        `state ${namespace} was built with formula ${meta.fingerprint}, this build computes ${fingerprint}: a replay is needed`,
      );
    }
    let engine: MomentumEngine;
    if (!meta) await store.createMeta(namespace, fingerprint, formula.version);
    if (meta && meta.gen > 0) {
      const parts = await store.readSnapshot(namespace, meta.gen, meta.chunks);
      const header = deserialize(parts[0]) as SnapshotHeader;
      const treeRows = parts.slice(1, 1 + header.treeSlices).map((part) => deserialize(part) as AreaRow[]);
      const body = deserialize(parts[1 + header.treeSlices]) as StateCut['body'];
      engine = new MomentumEngine(
        store,
        namespace,
        formula,
        fingerprint,
        MomentumState.restore(formula, treeRows, body),
      );
      engine.gen = meta.gen;
      engine.applied = new Map(Object.entries(header.offsets));
      engine.rings = new Map(
        parts
          .slice(2 + header.treeSlices)
          .map((part) => deserialize(part) as [string, RingEntries])
          .map(([tp, entries]) => [tp, DedupRing.fromJSON(entries)]),
      );
      engine.events = header.events;
    } else {
      const tree = new AreaTree(new Set(formula.historyLevels), stringSource);
      engine = new MomentumEngine(store, namespace, formula, fingerprint, new MomentumState(formula, tree));
    }
    let replayed = 0;
    for (const entry of await store.readJournal(namespace)) {
      const { tp, items } = deserialize(entry.data) as { tp: string; items: JournalItem[] };
      replayed += engine.fold(tp, items);
      engine.journaled.push({ id: entry.id, tp: entry.tp, to: entry.to });
    }
    if (meta?.gen || replayed)
      engine.logger.log(
        `opened ${namespace}: snapshot gen ${meta?.gen ?? 0}, ${replayed} journaled events re-applied, ${engine.events} events in state`,
      );
    return engine;
  }

  /** Applies one consumed batch (from one partition). Throws PermanentEventError for an event that can never apply. */
  async applyBatch(delivered: DeliveredEvent[]): Promise<void> {
    const byTp = new Map<string, JournalItem[]>();
    for (const { event, delivery } of delivered) {
      const tp = `${delivery.topic}:${delivery.partition}`;
      const offset = Number(delivery.offset);
      if (offset <= (this.applied.get(tp) ?? -1)) {
        this.redeliveredSkipped++;
        continue;
      }
      const list = byTp.get(tp) ?? [];
      list.push(toJournalItem(event, offset));
      byTp.set(tp, list);
    }
    const pieces: JournalPiece[] = [];
    for (const [tp, items] of byTp) {
      this.fold(tp, items);
      if (this.journaling)
        pieces.push({ tp, from: items[0].o, to: items[items.length - 1].o, data: serialize({ tp, items }) });
    }
    this.lastAppliedAt = Date.now();
    if (!this.journaling) return;
    try {
      if (pieces.length > 0) this.crashAt?.('before-journal');
      const started = performance.now();
      await this.journal.append(pieces);
      const waited = performance.now() - started;
      if (waited > 1000)
        this.logger.warn(`journal write of ${pieces.length} batches waited ${waited.toFixed(0)} ms`);
    } catch (error) {
      this.unjournaled = true;
      throw error;
    }
    for (const { tp, from, to } of pieces) this.journaled.push({ id: journalId(tp, from), tp, to });
    if (pieces.length > 0) this.crashAt?.('after-journal');
    if (this.unjournaled) {
      // The redelivery of a batch whose journal write failed is skipped as already applied: before it is
      // acknowledged, a snapshot makes what the state holds durable.
      this.unjournaled = false;
      await this.snapshot().catch((error: unknown) => {
        this.unjournaled = true;
        throw error;
      });
    }
  }

  /** Folds journaled items; the same code path for live batches and for restarts. Returns how many applied. */
  private fold(tp: string, items: JournalItem[]): number {
    let ring = this.rings.get(tp);
    if (!ring) {
      ring = new DedupRing();
      this.rings.set(tp, ring);
    }
    let applied = 0;
    let last = this.applied.get(tp) ?? -1;
    for (const item of items) {
      if (item.o <= last) continue;
      last = item.o;
      if (ring.isRepublished(item.id, item.o)) {
        this.republishedSkipped++;
        continue;
      }
      if (item.area) this.state.addArea(item.area);
      for (const activity of item.acts ?? []) this.state.apply(activity);
      applied++;
    }
    this.applied.set(tp, last);
    this.events += applied;
    this.sinceSnapshot += applied;
    return applied;
  }

  /** Takes a snapshot if enough happened since the last one (runs in the background). */
  maybeSnapshot(everyEvents: number, everyMs: number): void {
    if (this.snapshotting || this.sinceSnapshot === 0) return;
    if (this.sinceSnapshot < everyEvents && Date.now() - this.lastSnapshotAt < everyMs) return;
    this.snapshotting = this.snapshot()
      .catch((error) =>
        this.logger.warn(`snapshot failed (the journal still has everything): ${(error as Error).message}`),
      )
      .finally(() => {
        this.snapshotting = undefined;
      });
  }

  /**
   * Serialises the state (consistent with the offsets applied when its turn comes) and writes it as the next
   * generation. Snapshots run one after another: two at once would write the same generation's chunks.
   * `quiesced`: nothing is applied until it is written (the caller holds ingest), so the cut takes views.
   */
  snapshot(quiesced = false): Promise<void> {
    const run = this.snapshotQueue.then(() => this.writeSnapshot(quiesced));
    this.snapshotQueue = run.catch(() => undefined);
    return run;
  }

  /** `quiesced`: the caller guarantees no batch is applied until the snapshot is written, so the cut need not copy. */
  private async writeSnapshot(quiesced: boolean): Promise<void> {
    const started = performance.now();
    // The cut, taken synchronously (copies): everything after it may change while the parts are encoded.
    const cut = this.state.cut(!quiesced);
    const offsets = Object.fromEntries(this.applied);
    const rings = [...this.rings].map(([tp, ring]) => [tp, ring.toJSON()] as const);
    const header: SnapshotHeader = {
      offsets,
      events: this.events,
      treeSlices: Math.ceil(cut.areas / TREE_SLICE),
    };
    this.sinceSnapshot = 0;
    this.lastSnapshotAt = Date.now();
    let blockedMs = performance.now() - started;
    let bytes = 0;
    const tree = this.state.tree;
    // Encoded part by part with the event loop free in between (a full-scale tree is ~180k rows, 13 MB), and
    // written as the parts come: live batches and API reads go on, and the encoded snapshot never sits whole in memory.
    async function* encoded(): AsyncGenerator<Buffer> {
      const values: (() => unknown)[] = [() => header];
      for (let from = 0; from < cut.areas; from += TREE_SLICE)
        values.push(() => tree.rows(from, Math.min(cut.areas, from + TREE_SLICE), cut.parentIds));
      values.push(() => cut.body, ...rings.map((ring) => () => ring));
      for (const value of values) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const t = performance.now();
        const part = serialize(value());
        blockedMs = Math.max(blockedMs, performance.now() - t);
        bytes += part.length;
        yield part;
      }
    }
    const gen = this.gen + 1;
    await this.store.writeSnapshot(
      {
        namespace: this.namespace,
        gen,
        fingerprint: this.fingerprint,
        formulaVersion: this.formula.version,
        offsets: Object.entries(offsets).map(([tp, offset]) => ({ tp, offset })),
        events: header.events,
      },
      encoded(),
      () => this.crashAt?.('after-snapshot-chunks'),
    );
    const writtenMs = performance.now() - started;
    this.gen = gen;
    const covered = this.journaled.filter((j) => j.to <= (offsets[j.tp] ?? -1));
    this.journaled = this.journaled.filter((j) => j.to > (offsets[j.tp] ?? -1));
    await this.store.deleteJournal(
      this.namespace,
      covered.map((j) => j.id),
    );
    this.logger.log(
      `snapshot ${this.namespace} gen ${gen}: ${(bytes / 1048576).toFixed(1)} MB encoded and written in ${writtenMs.toFixed(0)} ms ` +
        `(longest event-loop block ${blockedMs.toFixed(0)} ms), ${covered.length} journal documents deleted in ${(performance.now() - started - writtenMs).toFixed(0)} ms`,
    );
  }

  /** Last offset applied per partition (`<topic>:<partition>`). */
  offsets(): Record<string, number> {
    return Object.fromEntries(this.applied);
  }

  stats(): EngineStats {
    return {
      namespace: this.namespace,
      fingerprint: this.fingerprint,
      events: this.events,
      republishedSkipped: this.republishedSkipped,
      redeliveredSkipped: this.redeliveredSkipped,
      areas: this.state.tree.count,
      parked: this.state.parkedCount,
      offsets: this.offsets(),
      snapshotGen: this.gen,
      lastAppliedAt: this.lastAppliedAt === null ? null : new Date(this.lastAppliedAt).toISOString(),
    };
  }
}
