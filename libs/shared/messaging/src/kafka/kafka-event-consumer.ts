import { Logger } from '@nestjs/common';
import type { Consumer, ConsumerConfig, EachBatchPayload, IHeaders } from 'kafkajs';
import {
  ConsumerStoppedError,
  type EventDispatcher,
  type IncomingMessage,
} from '../consumer/event-dispatcher';
import { ConsumerLagGauge } from './consumer-lag';
import type { KafkaConnection } from './kafka-connection';
import { LeadTopicsGate } from './lead-topics-gate';

export type KafkaEventConsumerOptions = {
  groupId: string;
  /** A new group starts from the earliest offset, so read models see the whole history. */
  fromBeginning?: boolean;
  /** Messages handed to the dispatcher at once; offsets are committed after each chunk. */
  chunkSize?: number;
  /**
   * Batches of this many partitions are dispatched at once (default 1). Order within a partition is kept; a
   * handler's I/O for one partition then overlaps the CPU work for another.
   */
  partitionsConcurrently?: number;
  /**
   * Most bytes one fetch brings (default 10 MB, at most 4 MB of it per partition). Every message of a fetch is
   * decoded into objects at once and lives until its batch is handled: a smaller fetch keeps fewer of them alive
   * across young-generation collections, which costs less GC in a consumer that folds a large backlog.
   */
  fetchMaxBytes?: number;
  /**
   * Topics read up to the end they had at start-up before the other topics are fetched (catalog names). For a
   * consumer whose other events refer to what these topics define (activity of areas): reading a backlog from
   * the beginning otherwise holds much of the backlog aside until its areas arrive. Order within each partition
   * is unchanged, so a handler that is order-independent across partitions gets the same result.
   */
  leadTopics?: string[];
};

/** A third of the session, as Kafka's clients default to, so two heartbeats can be lost before the session ends. */
const heartbeatIntervalMs = (sessionTimeoutMs: number): number => Math.floor(sessionTimeoutMs / 3);

const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024;
const PARTITION_FETCH_MAX_BYTES = 4 * 1024 * 1024;

/** Kafka headers as strings (the first value of a repeated header). A plain loop: this runs for every message. */
function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) result[key] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return result;
}

/** The kafkajs settings of a consumer group member (exported so a test can run a member in another process). */
export function consumerConfig(
  connection: KafkaConnection,
  options: KafkaEventConsumerOptions,
): ConsumerConfig {
  const sessionTimeout = connection.settings.sessionTimeoutMs;
  return {
    groupId: connection.topicName(options.groupId),
    allowAutoTopicCreation: false,
    sessionTimeout,
    // A rebalance waits at most this long for the members to rejoin; live ones do at their next heartbeat.
    rebalanceTimeout: Math.max(sessionTimeout, 10_000),
    heartbeatInterval: heartbeatIntervalMs(sessionTimeout),
    // kafkajs heartbeats between fetches: an idle fetch must return well within the session.
    maxWaitTimeInMs: Math.min(1000, heartbeatIntervalMs(sessionTimeout)),
    maxBytes: options.fetchMaxBytes ?? DEFAULT_FETCH_MAX_BYTES,
    maxBytesPerPartition: Math.min(
      PARTITION_FETCH_MAX_BYTES,
      options.fetchMaxBytes ?? PARTITION_FETCH_MAX_BYTES,
    ),
    retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
  };
}

/**
 * Runs a dispatcher over a kafkajs consumer group with batch consumption and manual offset
 * resolution. Nest's Kafka transport (`@nestjs/microservices`) is not used here: it handles one
 * message per call, resolves offsets itself and cannot hold a commit until a DLQ write is
 * acknowledged, which this consumer's "nothing acknowledged is lost" rule needs.
 */
export class KafkaEventConsumer {
  private readonly logger = new Logger('KafkaEventConsumer');
  private consumer?: Consumer;
  private stopping = false;
  private connected = false;
  private startLoop?: Promise<void>;
  private readonly leadTopics: LeadTopicsGate;
  private readonly lag: ConsumerLagGauge;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly dispatcher: EventDispatcher,
    private readonly options: KafkaEventConsumerOptions,
  ) {
    const lead = (options.leadTopics ?? []).filter((t) => dispatcher.topics.includes(t));
    this.leadTopics = new LeadTopicsGate(
      lead.map((t) => connection.topicName(t)),
      dispatcher.topics.filter((t) => !lead.includes(t)).map((t) => connection.topicName(t)),
      () => connection.admin(),
      connection.topicName(options.groupId),
    );
    this.lag = new ConsumerLagGauge(
      () => connection.admin(),
      connection.topicName(options.groupId),
      dispatcher.topics.map((t) => connection.topicName(t)),
      (t) => connection.catalogName(t),
      options.groupId,
    );
  }

  /** True once the group is joined and fetching. */
  get isConnected(): boolean {
    return this.connected;
  }

  /** Starts in the background, retrying while the broker is unreachable. */
  start(): Promise<void> {
    this.lag.start();
    this.startLoop ??= this.connectWithRetry();
    return this.startLoop;
  }

  private async connectWithRetry(): Promise<void> {
    let delay = 1000;
    while (!this.stopping) {
      try {
        await this.run();
        return;
      } catch (error) {
        this.logger.error(
          `cannot start consumer group ${this.options.groupId} (brokers ${this.connection.settings.brokers.join(',')}): ${(error as Error).message}; retrying in ${delay} ms`,
        );
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  private async run(): Promise<void> {
    const consumer = this.connection.kafka.consumer(consumerConfig(this.connection, this.options));
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.connected = true;
      this.leadTopics.onJoin(consumer, event.payload.memberAssignment); // emitted before the first fetch
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.connected = false;
      this.logger.error(
        `consumer crashed: ${String(event.payload.error)}; restart=${String(event.payload.restart)}`,
      );
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.connected = false;
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: this.dispatcher.topics.map((t) => this.connection.topicName(t)),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private async onBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const chunkSize = this.options.chunkSize ?? 1000;
    const topic = this.connection.catalogName(batch.topic);
    const isActive = () => isRunning() && !isStale() && !this.stopping;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isActive()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const messages: IncomingMessage[] = chunk.map((m) => ({
        topic,
        partition: batch.partition,
        offset: m.offset,
        key: m.key ? m.key.toString() : null,
        value: m.value,
        headers: stringHeaders(m.headers),
      }));
      // kafkajs heartbeats only when asked: keep the membership alive while a chunk takes longer than the session.
      const keepAlive = setInterval(
        () => void heartbeat().catch(() => undefined),
        heartbeatIntervalMs(this.connection.settings.sessionTimeoutMs),
      );
      try {
        await this.dispatcher.dispatch(messages, { heartbeat, isActive });
      } catch (error) {
        if (error instanceof ConsumerStoppedError) return; // not resolved: redelivered to the next owner
        throw error;
      } finally {
        clearInterval(keepAlive);
      }
      resolveOffset(chunk[chunk.length - 1].offset);
      this.leadTopics.onHandled(batch.topic, batch.partition, chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.lag.stop();
    await this.consumer?.disconnect().catch(() => undefined);
    this.connected = false;
  }
}
