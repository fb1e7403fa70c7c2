import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConflictError } from '@sangathan/kernel';
import type { DeliveredEvent } from '@sangathan/messaging';
import { ACTIVITY_MAPPING_KEYS } from '../domain/activity-mapping';
import { formulaFingerprint, MOMENTUM_FORMULA } from '../domain/momentum-formula';
import { FormulaMismatchError, MomentumEngine, SNAPSHOT_LAYOUT, type EngineStats } from './momentum-engine';
import { MOMENTUM_STATE_PORT, type MomentumStatePort } from './ports/momentum-state.port';
import { numberFromEnv } from './momentum-settings';
import { REPLAY_SOURCE_PORT, type ReplayRun, type ReplaySourcePort } from './ports/replay-source.port';

export type ReplayStatus = {
  namespace: string;
  startedAt: string;
  events: number;
  lag: number | null;
  eventsPerSecond: number;
  /** Activity waiting for areas the replay has not seen yet (few: the hierarchy topic is read first). */
  parked: number;
  state: 'running' | 'switched' | 'failed';
  switchedAt: string | null;
  error: string | null;
};

/**
 * Owns the active momentum state: opens it at start (refusing state built with another formula),
 * feeds it the live consumer's batches, snapshots it, and rebuilds it by replay into a fresh
 * namespace that replaces it once caught up. One ingesting replica: the state is in memory and the
 * API reads it there (docs/momentum.md §Deployment).
 */
@Injectable()
export class MomentumService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Momentum');
  readonly formula = MOMENTUM_FORMULA;
  readonly fingerprint = `${formulaFingerprint(MOMENTUM_FORMULA, ACTIVITY_MAPPING_KEYS)}.s${SNAPSHOT_LAYOUT}`;
  private engine?: MomentumEngine;
  private ready!: Promise<void>;
  /** Last offset the live consumer delivered per partition (whether or not a state was active). */
  private readonly liveSeen = new Map<string, number>();
  /** Live batches being applied (several partitions at once); a switch-over or shutdown waits for none. */
  private inflight = 0;
  private onIdle?: () => void;
  /** Set while a switch-over or the final snapshot runs: live batches wait for it. */
  private exclusiveRun?: Promise<void>;
  private replay?: {
    engine: MomentumEngine;
    source: ReplayRun;
    status: ReplayStatus;
    seen: Map<string, number>;
    lastBatchAt: number;
    timer?: NodeJS.Timeout;
  };
  private readonly snapshotEvery = numberFromEnv('ANALYTICS_SNAPSHOT_EVERY_EVENTS', 500_000);
  private readonly snapshotMs = numberFromEnv('ANALYTICS_SNAPSHOT_INTERVAL_MS', 60_000);

  constructor(
    @Inject(MOMENTUM_STATE_PORT) private readonly store: MomentumStatePort,
    @Inject(REPLAY_SOURCE_PORT) private readonly replaySource: ReplaySourcePort,
  ) {}

  onModuleInit(): Promise<void> {
    this.ready = this.open();
    return this.ready;
  }

  private async open(): Promise<void> {
    const active = await this.store.activeNamespace();
    if (!active) {
      const ns = this.newNamespace();
      this.engine = await MomentumEngine.open(this.store, ns, this.formula, this.fingerprint);
      await this.store.setActive(ns);
      this.logger.log(`momentum state ${ns} created (formula ${this.fingerprint})`);
      return;
    }
    try {
      this.engine = await MomentumEngine.open(this.store, active, this.formula, this.fingerprint);
      await this.store.dropAllExcept([active]);
    } catch (error) {
      if (!(error instanceof FormulaMismatchError)) throw error;
      this.logger.warn(`${error.message}; serving nothing until the replay has caught up`);
      await this.store.dropAllExcept([active]);
      await this.startReplay();
    }
  }

  private newNamespace(): string {
    return `v${this.formula.version}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  }

  /** The active state, or undefined while a formula change waits for its replay. */
  get active(): MomentumEngine | undefined {
    return this.engine;
  }

  /** Runs `work` with no live batch in progress and none starting. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusiveRun) await this.exclusiveRun;
    let release!: () => void;
    this.exclusiveRun = new Promise<void>((resolve) => (release = resolve));
    try {
      while (this.inflight > 0) await new Promise<void>((resolve) => (this.onIdle = resolve));
      return await work();
    } finally {
      this.exclusiveRun = undefined;
      release();
    }
  }

  /**
   * Live consumer batches. Batches of different partitions arrive concurrently (the consumer runs several
   * partitions at once so that one batch's journal write overlaps another's folding); the engine keeps each
   * partition's order and journals before it folds, so concurrency does not change what is applied.
   */
  async ingest(events: DeliveredEvent[]): Promise<void> {
    await this.ready;
    while (this.exclusiveRun) await this.exclusiveRun;
    this.inflight++;
    try {
      if (this.engine) {
        await this.engine.applyBatch(events);
        // Not while a replay builds the next state: its journal keeps everything meanwhile, and the replay's own
        // snapshot at switch-over replaces it; two states plus a snapshot's copies is the memory peak otherwise.
        if (this.replay?.status.state !== 'running')
          this.engine.maybeSnapshot(this.snapshotEvery, this.snapshotMs);
      }
      for (const { delivery } of events) {
        const tp = `${delivery.topic}:${delivery.partition}`;
        this.liveSeen.set(tp, Math.max(this.liveSeen.get(tp) ?? -1, Number(delivery.offset)));
      }
    } finally {
      this.inflight--;
      if (this.inflight === 0) this.onIdle?.();
    }
  }

  stats(): {
    formulaVersion: number;
    fingerprint: string;
    active: EngineStats | null;
    replay: ReplayStatus | null;
    memoryMb: Record<string, number>;
  } {
    // The state lives in this process's memory: its size is part of the ingest state operators watch.
    const memory = process.memoryUsage();
    const memoryMb = Object.fromEntries(
      (['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'] as const).map((key) => [
        key,
        Math.round(memory[key] / 1048576),
      ]),
    );
    return {
      formulaVersion: this.formula.version,
      fingerprint: this.fingerprint,
      active: this.engine?.stats() ?? null,
      replay: this.replay?.status ?? null,
      memoryMb,
    };
  }

  /**
   * Rebuilds the state from the beginning of every source topic into a fresh namespace with its own
   * consumer group, printing progress, and switches the API and the live consumer over to it once
   * it has read at least as far as the live consumer.
   */
  async startReplay(): Promise<ReplayStatus> {
    if (this.replay?.status.state === 'running')
      throw new ConflictError('REPLAY_RUNNING', `replay ${this.replay.status.namespace} is still running`);
    const namespace = this.newNamespace();
    const engine = await MomentumEngine.open(
      this.store,
      namespace,
      this.formula,
      this.fingerprint,
      this.engine?.state.tree,
    );
    engine.journaling = false;
    const seen = new Map<string, number>();
    const status: ReplayStatus = {
      namespace,
      startedAt: new Date().toISOString(),
      events: 0,
      lag: null,
      eventsPerSecond: 0,
      parked: 0,
      state: 'running',
      switchedAt: null,
      error: null,
    };
    const run = { engine, seen, status, lastBatchAt: Date.now() } as NonNullable<typeof this.replay>;
    run.source = this.replaySource.start(namespace, async (events: DeliveredEvent[]) => {
      await engine.applyBatch(events);
      for (const { delivery } of events) {
        const tp = `${delivery.topic}:${delivery.partition}`;
        seen.set(tp, Math.max(seen.get(tp) ?? -1, Number(delivery.offset)));
      }
      run.lastBatchAt = Date.now();
    });
    this.replay = run;
    this.logger.log(`replay ${namespace} started from the beginning of ${run.source.topics.join(', ')}`);
    let lastEvents = 0;
    let lastTick = Date.now();
    run.timer = setInterval(
      () => {
        void this.replayTick(run).then(() => {
          const now = Date.now();
          const stats = engine.stats();
          status.events = stats.events;
          status.parked = stats.parked;
          status.eventsPerSecond = Math.round(
            ((status.events - lastEvents) * 1000) / Math.max(1, now - lastTick),
          );
          lastEvents = status.events;
          lastTick = now;
        });
      },
      numberFromEnv('ANALYTICS_REPLAY_PROGRESS_MS', 2000),
    );
    return status;
  }

  private async replayTick(run: NonNullable<typeof this.replay>): Promise<void> {
    if (run.status.state !== 'running') return;
    try {
      const lag = await run.source.lag(run.seen);
      run.status.lag = lag;
      this.logger.log(
        `replay ${run.status.namespace}: ${run.engine.stats().events} events applied, lag ${lag} messages, ${run.status.eventsPerSecond}/s`,
      );
      const idle = Date.now() - run.lastBatchAt > 3000;
      if (lag === 0 || idle) await this.trySwitch(run);
    } catch (error) {
      run.status.error = (error as Error).message;
      this.logger.warn(`replay progress check failed: ${(error as Error).message}`);
    }
  }

  /** Switches over once the replay has read everything the live consumer delivered (so no event falls between them). */
  private async trySwitch(run: NonNullable<typeof this.replay>): Promise<void> {
    await this.exclusive(async () => {
      for (const [tp, offset] of this.liveSeen) if ((run.seen.get(tp) ?? -1) < offset) return;
      clearInterval(run.timer);
      await run.source.stop();
      await run.engine.snapshot(true); // the replay consumer is stopped: nothing changes this state now
      run.engine.journaling = true;
      run.engine.state.tree.releaseStringSource(); // the live tree is dropped now
      await this.store.setActive(run.engine.namespace);
      const previous = this.engine?.namespace;
      this.engine = run.engine;
      run.status.state = 'switched';
      run.status.switchedAt = new Date().toISOString();
      run.status.events = run.engine.stats().events;
      run.status.lag = 0;
      this.logger.log(
        `replay ${run.engine.namespace} caught up with ${run.status.events} events: now active${previous ? ` (replacing ${previous})` : ''}`,
      );
      await this.store.dropAllExcept([run.engine.namespace]);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replay?.status.state === 'running') {
      clearInterval(this.replay.timer);
      await this.replay.source.stop();
    }
    await this.exclusive(async () => {
      // Held by exclusive(): no live batch runs, so the cut needs no copies.
      await this.engine
        ?.snapshot(true)
        .catch((error) => this.logger.warn(`final snapshot failed: ${(error as Error).message}`));
    });
  }
}
