import { type Attributes, metrics, type ObservableGauge, type ObservableResult } from '@opentelemetry/api';
import type { Admin } from 'kafkajs';
import { withTimeout } from './kafka-connection';

/** A scrape must not wait on a broker that is down; the series then goes missing, which alerts can see. */
const LAG_QUERY_TIMEOUT_MS = 2000;

/**
 * `messaging_consumer_lag{group,topic,partition}`: messages in each partition the group has not committed yet,
 * read from the broker at scrape time (the group's committed offsets against each partition's end). Asking the
 * broker, rather than remembering what the last fetch saw, shows a stuck handler as a lag that keeps growing.
 */
export class ConsumerLagGauge {
  private gauge?: ObservableGauge;
  private readonly observe = (result: ObservableResult) => this.report(result);

  constructor(
    private readonly admin: () => Promise<Admin>,
    /** Broker-side group id and topic names; `catalogName` labels them without the test prefix. */
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly catalogName: (brokerTopic: string) => string,
    private readonly group: string,
  ) {}

  start(): void {
    if (this.gauge) return;
    this.gauge = metrics.getMeter('sangathan.consumer').createObservableGauge('messaging_consumer_lag', {
      description: 'Messages not yet committed by the consumer group, per topic partition',
      unit: '{message}',
    });
    this.gauge.addCallback(this.observe);
  }

  stop(): void {
    this.gauge?.removeCallback(this.observe);
    this.gauge = undefined;
  }

  private async report(result: ObservableResult): Promise<void> {
    const lags = await withTimeout(this.read(), LAG_QUERY_TIMEOUT_MS, 'reading consumer lag').catch(() => []);
    for (const { attributes, lag } of lags) result.observe(lag, attributes);
  }

  private async read(): Promise<{ attributes: Attributes; lag: number }[]> {
    const admin = await this.admin();
    const committed = await admin.fetchOffsets({ groupId: this.groupId, topics: [...this.topics] });
    const lags: { attributes: Attributes; lag: number }[] = [];
    for (const { topic, partitions } of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition);
        if (!end) continue;
        // No commit yet: the group starts from the earliest offset, so everything retained is behind.
        const position = Number(offset) >= 0 ? Number(offset) : Number(end.low);
        lags.push({
          attributes: { group: this.group, topic: this.catalogName(topic), partition },
          lag: Math.max(0, Number(end.high) - position),
        });
      }
    }
    return lags;
  }
}
