import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { metrics, type ObservableGauge, type ObservableResult } from '@opentelemetry/api';
import type { mongo } from 'mongoose';
import { withTimeout } from '../kafka/kafka-connection';
import { OUTBOX_FIELDS } from './outbox-entry';

/** Least time between two counts; a count that took long is spaced out further (see `refresh`). */
const MIN_INTERVAL_MS = 15_000;
/** A scrape waits this long for a fresh count, then reports the last one. */
const SCRAPE_WAIT_MS = 2000;

/**
 * `outbox_backlog_documents{collection}`: documents whose events the relay has not acknowledged yet (they carry
 * a due time). A count on the sparse due-time index; still, it runs at most every so often, and a scrape never
 * waits long for one, so scraping cannot load the database.
 */
export class OutboxBacklogGauge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxBacklog');
  private gauge?: ObservableGauge;
  private counts = new Map<string, number>();
  private nextCountAt = 0;
  private counting?: Promise<void>;
  private readonly observe = (result: ObservableResult) => this.report(result);

  constructor(
    private readonly collections: readonly string[],
    /** The service's database; undefined until connected. */
    private readonly database: () => Promise<mongo.Db | undefined>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.collections.length === 0) return;
    this.gauge = metrics.getMeter('sangathan.outbox').createObservableGauge('outbox_backlog_documents', {
      description: 'Documents whose outbox events are not yet acknowledged by the broker, per collection',
      unit: '{document}',
    });
    this.gauge.addCallback(this.observe);
  }

  onApplicationShutdown(): void {
    this.gauge?.removeCallback(this.observe);
  }

  private async report(result: ObservableResult): Promise<void> {
    if (Date.now() >= this.nextCountAt) {
      this.counting ??= this.refresh().finally(() => (this.counting = undefined));
      await withTimeout(this.counting, SCRAPE_WAIT_MS, 'counting the outbox backlog').catch(() => undefined);
    }
    for (const [collection, count] of this.counts) result.observe(count, { collection });
  }

  private async refresh(): Promise<void> {
    const started = Date.now();
    try {
      const db = await this.database();
      if (!db) return;
      const counts = new Map<string, number>();
      for (const name of this.collections) {
        counts.set(
          name,
          await db.collection(name).countDocuments({ [OUTBOX_FIELDS.due]: { $exists: true } }),
        );
      }
      this.counts = counts;
    } catch (error) {
      this.logger.warn(`cannot count the outbox backlog: ${(error as Error).message}`);
    } finally {
      // Counting takes at most about a twentieth of the time, like the relay's sweep.
      this.nextCountAt = Date.now() + Math.max(MIN_INTERVAL_MS, 20 * (Date.now() - started));
    }
  }
}
