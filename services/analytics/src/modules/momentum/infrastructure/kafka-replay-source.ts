import { Injectable } from '@nestjs/common';
import { EventRegistry } from '@sangathan/contracts';
import {
  EventDispatcher,
  KafkaConnection,
  KafkaEventConsumer,
  type DeliveredEvent,
  type MessagePublisher,
} from '@sangathan/messaging';
import {
  FETCH_MAX_BYTES,
  MOMENTUM_LEAD_TOPICS,
  MOMENTUM_SUBSCRIPTIONS,
} from '../application/momentum-settings';
import type { ReplayRun, ReplaySourcePort } from '../application/ports/replay-source.port';

/** Replays from Kafka: the service's own batch consumer in a fresh group, from the earliest offsets. */
@Injectable()
export class KafkaReplaySource implements ReplaySourcePort {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly registry: EventRegistry,
  ) {}

  start(name: string, apply: (events: DeliveredEvent[]) => Promise<void>): ReplayRun {
    // Poison messages were dead-lettered by the live consumer already; a replay does not repeat that.
    const noDeadLetters: MessagePublisher = { publish: async () => undefined };
    const groupId = `analytics-momentum-replay-${name}`;
    const dispatcher = new EventDispatcher(
      this.registry,
      [{ name: 'MomentumReplay', subscribesTo: MOMENTUM_SUBSCRIPTIONS, handleBatch: apply }],
      noDeadLetters,
      { consumerGroup: groupId },
    );
    const consumer = new KafkaEventConsumer(this.kafka, dispatcher, {
      groupId,
      fromBeginning: true,
      chunkSize: 5000,
      fetchMaxBytes: FETCH_MAX_BYTES,
      leadTopics: MOMENTUM_LEAD_TOPICS,
    });
    void consumer.start();
    return {
      topics: dispatcher.topics,
      lag: async (seen) => {
        const admin = await this.kafka.admin();
        let lag = 0;
        for (const topic of dispatcher.topics) {
          for (const p of await admin.fetchTopicOffsets(this.kafka.topicName(topic)))
            lag += Math.max(0, Number(p.high) - 1 - (seen.get(`${topic}:${p.partition}`) ?? -1));
        }
        return lag;
      },
      stop: () => consumer.stop(),
    };
  }
}
