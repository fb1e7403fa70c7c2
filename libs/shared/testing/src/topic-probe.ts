import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { integrationInfra } from './test-env';

export type ProbedMessage = { key: string | null; value: string; headers: Record<string, string>; offset: string; partition: number };

/** Reads a topic from the beginning into memory so a test can assert what was published. */
export class TopicProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer?: Consumer;
  private readonly kafka: Kafka;

  constructor(private readonly topic: string) {
    this.kafka = new Kafka({ clientId: 'topic-probe', brokers: integrationInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  }

  async start(): Promise<this> {
    const admin = this.kafka.admin();
    await admin.connect();
    const existing = await admin.listTopics();
    if (!existing.includes(this.topic)) {
      await admin.createTopics({ topics: [{ topic: this.topic, numPartitions: 1 }], waitForLeaders: true }).catch(() => undefined);
    }
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: `probe-${Math.random().toString(36).slice(2)}` });
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
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
