import { Logger } from '@nestjs/common';
import { context as otelContext, propagation, SpanKind, trace } from '@opentelemetry/api';
import { extractTraceContext, lazyMeter } from '@sangathan/observability';
import type { mongo } from 'mongoose';
import type { MessagePublisher } from '../kafka/message-publisher';
import { isRetriable } from '../retriable-error';
import type { OutboxEntry } from './outbox-entry';
import { OutboxStore, type OutboxDocument } from './outbox-store';

export type OutboxRelayOptions = {
  /** Collections whose documents carry an outbox. */
  collections: string[];
  /** Documents claimed per round. */
  batchSize?: number;
  /**
   * Interval of the full sweep (an indexed query on the due time of each collection), which catches what no hint
   * announced: events left by a crashed process, another replica's expired lease, retries after a rejection.
   * Writes announced with `notify(collection, ids)` are relayed at once by `_id`.
   */
  sweepIntervalMs?: number;
  /** How long a claim protects a document from other relay replicas. */
  leaseMs?: number;
  /** A document whose events the broker rejected this many times is moved to the dead letters. */
  maxAttempts?: number;
};

const tracer = trace.getTracer('sangathan.outbox');
const meter = lazyMeter('sangathan.outbox');
const publishedCounter = meter.createCounter('outbox_events_published_total', {
  description: 'Events the relay published',
});
const failureCounter = meter.createCounter('outbox_publish_failures_total', {
  description: 'Failed publish rounds',
});
const deadCounter = meter.createCounter('outbox_events_dead_lettered_total', {
  description: 'Events moved to outbox_dead_letters after repeated broker rejection',
});

/**
 * Publishes the events waiting in aggregate documents, oldest first, and pulls them once the
 * broker acknowledged them. At-least-once: a crash between publish and pull re-publishes, and
 * consumers deduplicate on eventId. Per-key order holds because one document's events go out
 * in array order in one batch, and a claimed document is not claimed again until its lease ends.
 *
 * Broker unreachable (retriable errors): back off and retry forever, counting nothing against
 * the events. Broker rejects a message (non-retriable): count an attempt for that document;
 * after `maxAttempts` its events move to `outbox_dead_letters` with the error, and the relay goes on.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly relayId = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private backoffMs = 0;
  /**
   * Documents announced by local writes, per collection, waiting for the next round: the whole outbox the writer
   * knows the document has (`notifyWritten`), or null when the relay must read it (`notify`).
   */
  private readonly hints = new Map<string, Map<string, OutboxEntry[] | null>>();
  private sweepRequested = true;
  private nextSweepAt = 0;
  private readonly batchSize: number;
  private readonly sweepIntervalMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(
    /** The service's database; a function because the connection is opened lazily. */
    private readonly database: () => mongo.Db | undefined,
    private readonly publisher: MessagePublisher,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 10_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  start(): void {
    if (this.running || this.options.collections.length === 0) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Called after a local write that added outbox entries, so they go out now rather than at the next sweep.
   * With the collection and document ids the relay reads exactly those documents by `_id` (unclaimed, see
   * `readDueByIds`), which stays cheap however large the collection is; without them it sweeps every collection now.
   */
  notify(collection?: string, ids?: string | readonly string[]): void {
    if (collection === undefined || ids === undefined) {
      this.sweepRequested = true;
    } else {
      const pending = this.pendingFor(collection);
      if (pending) for (const id of typeof ids === 'string' ? [ids] : ids) pending.set(id, null);
    }
    this.wake?.();
  }

  /**
   * Like `notify(collection, id)`, from a writer that knows the document's whole outbox after its write, so the
   * relay publishes `outbox` without reading the document. Only for a write that inserted the document with these
   * entries, or a conditional update (e.g. `{_id, version}`) based on a read that found the outbox empty and no
   * `outboxClaimedBy`, in a collection where every write that adds entries bumps that condition. Then nothing
   * older than these entries waits in the document (order holds), and no other replica had claimed it before the
   * write; a sweep that claims it afterwards publishes the same entries again (consumers deduplicate by eventId),
   * as with a hint that reads. The acknowledgement empties the outbox only if it is still exactly `outbox`;
   * otherwise exactly these entries are pulled and the document stays due for what was added, so a wrong
   * `outbox` from a caller that broke the rule costs order and duplicates, never events.
   */
  notifyWritten(collection: string, id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length === 0) return;
    const pending = this.pendingFor(collection);
    // Two writes announced before one round: the second one's knowledge is not about the first one's entries.
    if (pending) pending.set(id, pending.has(id) ? null : [...outbox]);
    this.wake?.();
  }

  private pendingFor(collection: string): Map<string, OutboxEntry[] | null> | undefined {
    if (!this.options.collections.includes(collection)) {
      // A wrong name is a bug at the call site, but the write it follows has happened: fall back to a sweep.
      this.logger.warn(`notify(${collection}): not an outbox collection of this service; sweeping instead`);
      this.sweepRequested = true;
      return undefined;
    }
    let pending = this.hints.get(collection);
    if (!pending) this.hints.set(collection, (pending = new Map()));
    return pending;
  }

  /** One sweep over every collection; returns how many events were published. Used by tests and benchmarks. */
  async drainOnce(): Promise<number> {
    const db = this.database();
    if (!db) throw new Error('database not connected yet');
    let published = 0;
    for (const name of this.options.collections)
      published += await this.relayCollection(this.store(db, name));
    return published;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (this.sweepRequested || Date.now() >= this.nextSweepAt) {
          this.sweepRequested = false;
          await this.drainOnce();
          this.nextSweepAt = Date.now() + this.sweepIntervalMs;
        }
        await this.drainHinted();
        this.backoffMs = 0;
      } catch (error) {
        // Hints taken in the failed round may not have been relayed: the next sweep finds them.
        this.sweepRequested = true;
        this.backoffMs = Math.min(this.backoffMs ? this.backoffMs * 2 : 500, 30_000);
        failureCounter.add(1);
        this.logger.warn(
          `outbox relay round failed, retrying in ${this.backoffMs} ms: ${(error as Error).message}`,
        );
      }
      if (!this.running) break;
      if (this.backoffMs > 0) await this.sleep(this.backoffMs);
      else if (!this.hasHints() && !this.sweepRequested)
        await this.sleep(Math.max(0, this.nextSweepAt - Date.now()));
    }
  }

  private hasHints(): boolean {
    for (const ids of this.hints.values()) if (ids.size > 0) return true;
    return false;
  }

  /** Relays the documents local writes announced: those whose outbox the writer gave as they are, the others read by `_id`. */
  private async drainHinted(): Promise<number> {
    const db = this.database();
    if (!db || !this.hasHints()) return 0;
    let published = 0;
    for (const [name, pending] of this.hints) {
      while (pending.size > 0 && this.running) {
        const known: OutboxDocument[] = [];
        const toRead: string[] = [];
        for (const [id, outbox] of pending) {
          if (outbox) known.push({ _id: id, outbox });
          else toRead.push(id);
          pending.delete(id);
          if (known.length + toRead.length >= this.batchSize) break;
        }
        const store = this.store(db, name);
        const due = toRead.length > 0 ? [...known, ...(await store.readDueByIds(toRead))] : known;
        if (due.length > 0) published += await this.publishAndAcknowledge(store, due, false);
      }
    }
    return published;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private store(db: mongo.Db, name: string): OutboxStore {
    return new OutboxStore(
      db,
      db.collection<OutboxDocument>(name),
      this.relayId,
      this.leaseMs,
      this.batchSize,
    );
  }

  private async relayCollection(store: OutboxStore): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await store.claimDue();
      if (claimed.length === 0) return total;
      total += await this.publishAndAcknowledge(store, claimed);
      if (claimed.length < this.batchSize || !this.running) return total;
    }
  }

  /** `claimed` is false for hinted documents read without a lease: there is no lease to release then. */
  private async publishAndAcknowledge(
    store: OutboxStore,
    docs: OutboxDocument[],
    claimed = true,
  ): Promise<number> {
    const withEvents = docs.filter((d) => (d.outbox ?? []).length > 0);
    const entries = withEvents.flatMap((d) => d.outbox);
    try {
      await this.publishTraced(entries);
    } catch (error) {
      if (isRetriable(error)) {
        // Unclaimed documents are still due: the sweep after this failed round finds them.
        if (claimed) await store.release(docs);
        throw error;
      }
      // The broker refused something in this batch: find the culprit one document at a time.
      return this.publishOneByOne(store, withEvents);
    }
    await store.acknowledge(withEvents);
    // A hinted document whose outbox was already relayed may still carry a due time: clear it like a release would.
    const empty = docs.filter((d) => (d.outbox ?? []).length === 0);
    if (claimed) await store.release(empty);
    else await store.clearDue(empty);
    publishedCounter.add(entries.length, { collection: store.name });
    return entries.length;
  }

  private async publishOneByOne(store: OutboxStore, docs: OutboxDocument[]): Promise<number> {
    let published = 0;
    for (const doc of docs) {
      try {
        await this.publishTraced(doc.outbox);
        await store.acknowledge([doc]);
        published += doc.outbox.length;
      } catch (error) {
        if (isRetriable(error)) throw error;
        await this.recordRejection(store, doc, error as Error);
      }
    }
    return published;
  }

  private async publishTraced(entries: OutboxEntry[]): Promise<void> {
    // One span per event, parented on the trace of the change that produced it.
    const spans = entries.map((entry) =>
      tracer.startSpan(
        `${entry.topic} publish`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': entry.topic,
            'messaging.message.id': entry.eventId,
            'sangathan.event.type': entry.type,
          },
        },
        extractTraceContext(entry.headers),
      ),
    );
    try {
      await this.publisher.publish(
        entries.map((entry, i) => ({
          topic: entry.topic,
          key: entry.key,
          value: entry.value,
          headers: { ...entry.headers, ...headersOf(spans[i]) },
        })),
      );
      spans.forEach((span) => span.end());
    } catch (error) {
      spans.forEach((span) => {
        span.recordException(error as Error);
        span.end();
      });
      throw error;
    }
  }

  private async recordRejection(store: OutboxStore, doc: OutboxDocument, error: Error): Promise<void> {
    const attempts = (doc.outboxAttempts ?? 0) + 1;
    if (attempts < this.maxAttempts) {
      await store.postpone(doc, attempts, Math.min(1000 * 2 ** attempts, 5 * 60_000));
      this.logger.warn(
        `broker rejected outbox events of ${String(doc._id)} (attempt ${attempts}): ${error.message}`,
      );
      return;
    }
    await store.deadLetter(doc, error, attempts);
    deadCounter.add(doc.outbox.length, { collection: store.name });
    this.logger.error(
      `moved ${doc.outbox.length} outbox events of ${String(doc._id)} to outbox_dead_letters: ${error.message}`,
    );
  }
}

function headersOf(span: ReturnType<typeof tracer.startSpan>): Record<string, string> {
  const carrier: Record<string, string> = {};
  const ctx = trace.setSpan(otelContext.active(), span);
  // Re-inject so the consumer's parent is the publish span, not the original request span.
  propagation.inject(ctx, carrier);
  return carrier;
}
