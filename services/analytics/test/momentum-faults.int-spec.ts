import { definitionKey, EventRegistry } from '@sangathan/contracts';
import type { DeliveredEvent } from '@sangathan/messaging';
import { integrationInfra, isolateTest } from '@sangathan/testing';
import { mongo } from 'mongoose';
import {
  activityMessages,
  areaMessages,
  buildOrg,
  prng,
  SMALL_UP,
  type GeneratedMessage,
} from '../../../bench/analytics-load-generator';
import { ACTIVITY_MAPPING_KEYS } from '../src/modules/momentum/domain/activity-mapping';
import { formulaFingerprint, MOMENTUM_FORMULA, SLOT } from '../src/modules/momentum/domain/momentum-formula';
import { scoreAt } from '../src/modules/momentum/domain/score';
import { MomentumEngine } from '../src/modules/momentum/application/momentum-engine';
import { MomentumStateRepository } from '../src/modules/momentum/infrastructure/momentum-state.repository';

/**
 * Exactness of the momentum state under faults, against the real FerretDB: the engine is
 * "killed" at random points (after the journal write but before the fold, in the middle of a
 * snapshot), restarted from what the database holds, and fed again from the last *committed*
 * offsets with different batch boundaries, plus republished events. The final state must equal a
 * clean run over the same messages, and a run over the same events in another order.
 */
describe('momentum exactness under crashes, redelivery, duplicates and reordering', () => {
  const isolation = isolateTest('momentum-faults');
  const formula = MOMENTUM_FORMULA;
  const fingerprint = formulaFingerprint(formula, ACTIVITY_MAPPING_KEYS);
  const AT = Date.UTC(2026, 2, 15);
  const org = buildOrg(SMALL_UP, 'F');
  let client: mongo.MongoClient;
  let store: MomentumStateRepository;
  /** Messages per partition, as the consumer would deliver them. */
  const partitions = new Map<string, DeliveredEvent[]>();

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(integrationInfra().mongoUri, { retryWrites: false });
    store = new MomentumStateRepository(client.db(isolation.dbName('analytics')));
    const registry = new EventRegistry();
    const rand = prng(99);
    const messages: GeneratedMessage[] = [
      ...areaMessages(org, AT - 40 * 86_400_000),
      ...activityMessages(org, { events: 4000, days: 20, endMs: AT, seed: 3 }),
    ];
    // Republications: 80 events published a second time a little later in their partition.
    const withDuplicates = [...messages];
    for (let i = 0; i < 80; i++) {
      const original = messages[Math.floor(rand() * messages.length)];
      withDuplicates.splice(
        Math.min(withDuplicates.length, withDuplicates.indexOf(original) + 1 + Math.floor(rand() * 50)),
        0,
        original,
      );
    }
    for (const message of withDuplicates) {
      const definition = registry.get(message.event.type, message.event.version)!;
      const partitionCount = registry.topic(definition.topic)!.partitions;
      const partition =
        [...message.key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % partitionCount;
      const tp = `${definition.topic}:${partition}`;
      const list = partitions.get(tp) ?? [];
      list.push({
        event: message.event,
        delivery: { topic: definition.topic, partition, offset: String(list.length) },
      });
      partitions.set(tp, list);
    }
    expect(definitionKey('meetings.meeting.held', 1)).toBe('meetings.meeting.held@v1');
  });

  afterAll(async () => {
    await client?.db(isolation.dbName('analytics')).dropDatabase();
    await client?.close();
  });

  /** Feeds every partition to completion in random-sized batches, interleaving partitions at random. */
  async function run(
    namespace: string,
    seed: number,
    faults: boolean,
  ): Promise<{ engine: MomentumEngine; crashes: number; journalFailures: number }> {
    const rand = prng(seed);
    let engine = await MomentumEngine.open(store, namespace, formula, fingerprint);
    const position = new Map([...partitions.keys()].map((tp) => [tp, 0]));
    const committed = new Map(position);
    let crashes = 0;
    let journalFailures = 0;
    /** A snapshot being encoded and written while later batches are folded. */
    let background: Promise<void> | undefined;
    const restart = async () => {
      // (A kill would end the snapshot too; letting it finish first keeps the old engine from writing after its death.)
      await background?.catch(() => undefined);
      background = undefined;
      crashes++;
      engine = await MomentumEngine.open(store, namespace, formula, fingerprint);
      // The group resumes from its last committed offsets: everything after is delivered again.
      for (const [tp, offset] of committed) position.set(tp, offset);
    };
    for (;;) {
      const open = [...position].filter(([tp, pos]) => pos < partitions.get(tp)!.length);
      if (open.length === 0) break;
      const [tp, pos] = open[Math.floor(rand() * open.length)];
      const batch = partitions.get(tp)!.slice(pos, pos + 1 + Math.floor(rand() * 150));
      const roll = faults ? rand() : 1;
      if (roll < 0.06) {
        // Killed after the fold, before or after the journal write: memory is lost either way.
        const killPoint = rand() < 0.5 ? 'before-journal' : 'after-journal';
        engine.crashAt = (point) => {
          if (point === killPoint) throw new Error(`kill -9 at ${killPoint}`);
        };
        const killed = await engine.applyBatch(batch).then(
          () => false, // nothing new in the batch (all redelivered): no write, so nothing to kill
          (error: Error) => {
            if (!error.message.includes('kill -9')) throw error;
            return true;
          },
        );
        if (killed) await restart();
        else position.set(tp, pos + batch.length);
        engine.crashAt = undefined;
        continue;
      }
      if (roll < 0.08) {
        // The journal write fails (the process lives on): the consumer retries the batch, which is
        // already folded, and acknowledges it; it must still survive a later kill.
        engine.crashAt = (point) => {
          if (point === 'before-journal') throw new Error('journal write failed');
        };
        const failed = await engine.applyBatch(batch).then(
          () => false,
          (error: Error) => {
            if (!error.message.includes('journal write failed')) throw error;
            return true;
          },
        );
        engine.crashAt = undefined;
        if (failed) {
          journalFailures++;
          await engine.applyBatch(batch);
        }
        position.set(tp, pos + batch.length);
        committed.set(tp, pos + batch.length);
        continue;
      }
      if (roll < 0.11) {
        engine.crashAt = (point) => {
          if (point === 'after-snapshot-chunks') throw new Error('kill -9 during a snapshot');
        };
        await engine.applyBatch(batch);
        position.set(tp, pos + batch.length);
        await expect(engine.snapshot()).rejects.toThrow('kill -9');
        await restart();
        continue;
      }
      await engine.applyBatch(batch);
      position.set(tp, pos + batch.length);
      // The consumer commits after the handler returns, but commits lag (autoCommitInterval).
      if (!faults || rand() < 0.5) committed.set(tp, pos + batch.length);
      if (faults && rand() < 0.05) await engine.snapshot();
      if (faults && !background && rand() < 0.05) background = engine.snapshot();
      if (background && rand() < 0.2) {
        await background;
        background = undefined;
      }
      if (faults && rand() < 0.05) {
        // A rebalance hands the partition over and the new owner starts from the committed offset.
        position.set(tp, committed.get(tp)!);
      }
    }
    await background;
    return { engine, crashes, journalFailures };
  }

  function expectSameState(a: MomentumEngine, b: MomentumEngine): void {
    const sa = a.state;
    const sb = b.state;
    expect(sb.tree.count).toBe(sa.tree.count);
    expect(sb.parkedCount).toBe(sa.parkedCount);
    let compared = 0;
    for (const id of sa.tree.ids) {
      const ia = sa.tree.index.get(id)!;
      const ib = sb.tree.index.get(id)!;
      for (let s = 0; s < SLOT.stride; s++) {
        const x = sa.slot(ia, s);
        expect(Math.abs(x - sb.slot(ib, s))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
        compared++;
      }
      const score = scoreAt(sa, ia, AT).score;
      expect(Math.abs(score - scoreAt(sb, ib, AT).score)).toBeLessThanOrEqual(1e-9 * Math.max(1, score));
    }
    expect(compared).toBeGreaterThan(1000);
  }

  it('ends in the state of a clean run after random kills, lagging commits and rebalances', async () => {
    const clean = await run('clean', 1, false);
    expect(clean.engine.stats().republishedSkipped).toBe(80);
    const faulty = await run('faulty', 2, true);
    expect(faulty.crashes).toBeGreaterThan(3);
    expect(faulty.journalFailures).toBeGreaterThan(0);
    expect(faulty.engine.stats().redeliveredSkipped).toBeGreaterThan(0);
    expectSameState(clean.engine, faulty.engine);
    // And once more after a restart from what the database holds.
    expectSameState(clean.engine, await MomentumEngine.open(store, 'faulty', formula, fingerprint));
  }, 90_000);

  it('restores exactly the cut of a snapshot taken while later batches were folded', async () => {
    const clean = await MomentumEngine.open(store, 'clean', formula, fingerprint);
    const engine = await MomentumEngine.open(store, 'concurrent-snapshot', formula, fingerprint);
    const batches = [...partitions.values()].flatMap((list) =>
      Array.from({ length: Math.ceil(list.length / 100) }, (_, i) => list.slice(i * 100, i * 100 + 100)),
    );
    const half = Math.floor(batches.length / 2);
    for (const batch of batches.slice(0, half)) await engine.applyBatch(batch);
    const snapshot = engine.snapshot(); // the cut is taken now; its parts are encoded and written while we go on
    for (const batch of batches.slice(half)) await engine.applyBatch(batch);
    await snapshot;
    expect(engine.stats().snapshotGen).toBe(1);
    // Snapshot (first half) + journal after it (second half) = everything, nothing twice.
    expectSameState(clean, await MomentumEngine.open(store, 'concurrent-snapshot', formula, fingerprint));
  });

  it('gives the same scores when the same events arrive in another order, hierarchy last', async () => {
    const clean = await MomentumEngine.open(store, 'clean', formula, fingerprint);
    const rand = prng(5);
    const all = [...partitions.values()].flat();
    const areas = all.filter((d) => d.event.type === 'org.area.created');
    const activity = all.filter((d) => d.event.type !== 'org.area.created');
    // Fisher-Yates shuffle of the activity; every 100 events become a partition of their own so offsets never skip one.
    for (let i = activity.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [activity[i], activity[j]] = [activity[j], activity[i]];
    }
    const shuffled = await MomentumEngine.open(store, 'shuffled', formula, fingerprint);
    const seen = new Set<string>();
    const batch: DeliveredEvent[] = [];
    let k = 0;
    for (const d of [...activity, ...areas.reverse()]) {
      if (seen.has(d.event.eventId)) continue; // the republications were skipped by the clean run too
      seen.add(d.event.eventId);
      batch.push({
        event: d.event,
        delivery: { topic: 'shuffled', partition: Math.floor(k / 100), offset: String(k % 100) },
      });
      k++;
      if (batch.length === 100) {
        await shuffled.applyBatch(batch.splice(0));
        if (k % 1500 === 0) await shuffled.snapshot();
      }
    }
    await shuffled.applyBatch(batch);
    expect(shuffled.stats().parked).toBe(0);
    expectSameState(clean, shuffled);
  }, 90_000);

  it('refuses to open state built with another formula', async () => {
    await expect(MomentumEngine.open(store, 'clean', { ...formula, version: 2 }, 'v2-other')).rejects.toThrow(
      /replay is needed/,
    );
  });
});
