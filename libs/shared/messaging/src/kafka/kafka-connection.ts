import { Logger } from '@nestjs/common';
import { deadLetterTopicName, type TopicDefinition } from '@sangathan/contracts';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Producer,
  type LogEntry,
  type SASLOptions,
} from 'kafkajs';
import type { KafkaSettings } from './kafka-settings';

/**
 * The one place that knows kafkajs. Services never import kafkajs; swapping the client
 * (e.g. for @confluentinc/kafka-javascript) means rewriting the files in this folder only.
 */
export class KafkaConnection {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;
  private adminPromise?: Promise<Admin>;

  constructor(readonly settings: KafkaSettings) {
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      sasl: settings.sasl as SASLOptions | undefined, // kafkajs types each mechanism's options separately
      connectionTimeout: 3000,
      requestTimeout: 10000,
      retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.log(entry),
    });
  }

  /** Broker-side name of a catalog topic. */
  topicName(catalogName: string): string {
    return `${this.settings.topicPrefix}${catalogName}`;
  }

  /** Catalog name of a broker-side topic (inverse of topicName). */
  catalogName(brokerTopic: string): string {
    const prefix = this.settings.topicPrefix;
    return prefix && brokerTopic.startsWith(prefix) ? brokerTopic.slice(prefix.length) : brokerTopic;
  }

  /**
   * Idempotent producer (`enable.idempotence`): broker-side dedup of retried sends, and with one
   * request in flight per connection, per-partition order is preserved across retries.
   */
  producer(): Promise<Producer> {
    this.producerPromise ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner, // murmur2, same as the Java client
      });
      await producer.connect();
      return producer;
    })().catch((error) => {
      this.producerPromise = undefined;
      throw error;
    });
    return this.producerPromise;
  }

  admin(): Promise<Admin> {
    this.adminPromise ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error) => {
      this.adminPromise = undefined;
      throw error;
    });
    return this.adminPromise;
  }

  /** Creates missing topics (and their `.dlq` twins) from the catalog; existing ones are left alone. */
  async ensureTopics(topics: readonly TopicDefinition[]): Promise<string[]> {
    const admin = await this.admin();
    const existing = new Set(await admin.listTopics());
    const wanted = topics.flatMap((topic) => [
      {
        topic: this.topicName(topic.name),
        numPartitions: topic.partitions,
        replicationFactor: -1,
        configEntries: [
          { name: 'cleanup.policy', value: topic.cleanupPolicy },
          { name: 'retention.ms', value: String(topic.retentionMs) },
        ],
      },
      {
        topic: this.topicName(deadLetterTopicName(topic.name)),
        numPartitions: 1,
        replicationFactor: -1,
        configEntries: [{ name: 'retention.ms', value: String(30 * 24 * 3600 * 1000) }],
      },
    ]);
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      // Two services may race to create a shared topic: "already exists" is success.
      await admin
        .createTopics({ topics: missing, waitForLeaders: false })
        .catch((error: Error & { type?: string; errors?: { type?: string }[] }) => {
          const causes = error.errors ?? [error];
          if (!causes.every((cause) => cause.type === 'TOPIC_ALREADY_EXISTS')) throw error;
        });
      await this.waitForLeaders(missing.map((t) => t.topic));
    }
    return missing.map((t) => t.topic);
  }

  /**
   * Until every partition of the topics has a leader. kafkajs' own wait gives up when a busy broker still
   * answers "unknown topic or partition" for a topic created a moment ago, so the metadata is polled here.
   */
  private async waitForLeaders(topics: string[], timeoutMs = 30_000): Promise<void> {
    const admin = await this.admin();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const metadata = await admin.fetchTopicMetadata({ topics });
        if (metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
          return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline)
        throw new Error(`topics ${topics.join(', ')} have no leader after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Readiness probe: a metadata round trip to the cluster. */
  async ping(timeoutMs = 2000): Promise<void> {
    const admin = await withTimeout(this.admin(), timeoutMs, 'connecting to Kafka');
    await withTimeout(admin.describeCluster(), timeoutMs, 'describing the Kafka cluster');
  }

  async disconnect(): Promise<void> {
    const producer = this.producerPromise?.catch(() => undefined);
    const admin = this.adminPromise?.catch(() => undefined);
    this.producerPromise = undefined;
    this.adminPromise = undefined;
    await Promise.allSettled([(await producer)?.disconnect(), (await admin)?.disconnect()]);
  }

  private log({ level, log }: LogEntry): void {
    const { message, ...extra } = log;
    const line = `${message} ${JSON.stringify(extra)}`;
    // kafkajs logs every error answer of the broker ("Response CreateTopics …") before it throws it to the
    // caller, which expects some (a topic another service just created, a rebalance) and reports the others.
    if (level === logLevel.ERROR && message.startsWith('Response ') && 'error' in extra)
      this.logger.debug(line);
    // A member whose session ended rejoins by itself: worth seeing, not an error.
    else if (level === logLevel.ERROR && message.startsWith('The coordinator is not aware of this member'))
      this.logger.warn(line);
    else if (level === logLevel.ERROR) this.logger.error(line);
    else if (level === logLevel.WARN) this.logger.warn(line);
    else this.logger.debug(line);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
    }),
  ]);
}
