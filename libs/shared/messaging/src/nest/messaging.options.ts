import type { TopicDefinition } from '@sangathan/contracts';
import type { KafkaEventConsumerOptions } from '../kafka/kafka-event-consumer';

export type MessagingOptions = {
  /** Service name: the Kafka client id and the `producer` field of its events. */
  serviceName: string;
  /** Collections whose documents carry an outbox the relay must drain. */
  outboxCollections?: string[];
  /** Topics this service owns; created from the catalog at start if missing. */
  ownedTopics?: readonly TopicDefinition[];
  /**
   * The consumer group of the service's `@OnEvent` handlers (controller methods receiving other services'
   * events). `chunkSize` and `partitionsConcurrently` are for handlers that fold large streams (see
   * KafkaEventConsumerOptions); their handlers must then tolerate concurrent batches of different partitions.
   */
  consumer?: KafkaEventConsumerOptions;
};

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
