import type { KafkaConnection } from './kafka-connection';

/** A message ready for the broker; `topic` is the catalog name. */
export type OutgoingMessage = {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
};

/** Port the outbox relay and the dead-letter path publish through. */
export interface MessagePublisher {
  /** Resolves once the broker acknowledged every message (acks=all). */
  publish(messages: OutgoingMessage[]): Promise<void>;
}

export class KafkaMessagePublisher implements MessagePublisher {
  constructor(private readonly connection: KafkaConnection) {}

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const message of messages) {
      const topic = this.connection.topicName(message.topic);
      const list = byTopic.get(topic) ?? [];
      list.push({ key: message.key, value: message.value, headers: message.headers });
      byTopic.set(topic, list);
    }
    const producer = await this.connection.producer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
    });
  }
}
