import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { createTopicsWithLeaders } from './create-topics';
import { integrationInfra } from './test-env';

export type ProbedMessage = {
  key: string | null;
  value: string;
  headers: Record<string, string>;
  offset: string;
  partition: number;
};

/** Reads a topic from the beginning into memory so a test can assert what was published. */
export class TopicProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer?: Consumer;
  private readonly kafka: Kafka;

  constructor(private readonly topic: string) {
    this.kafka = new Kafka({
      clientId: 'topic-probe',
      brokers: integrationInfra().kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
  }

  async start(): Promise<this> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      if (!existing.includes(this.topic)) await createTopicsWithLeaders(admin, [this.topic]);
    } finally {
      await admin.disconnect();
    }
    this.consumer = this.kafka.consumer({
      groupId: `probe-${Math.random().toString(36).slice(2)}`,
      retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2000 },
    });
    // Resolve only once partitions are assigned, so a test's waits measure delivery, not group joins
    // (the first join on a fresh broker also creates __consumer_offsets and can take seconds).
    const joined = new Promise<void>((resolve) =>
      this.consumer!.on(this.consumer!.events.GROUP_JOIN, () => resolve()),
    );
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message, partition }) => {
        this.messages.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? '',
          offset: message.offset,
          partition,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
      },
    });
    await Promise.race([
      joined,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`probe on ${this.topic} did not join its group in 60 s`)), 60_000),
      ),
    ]);
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
