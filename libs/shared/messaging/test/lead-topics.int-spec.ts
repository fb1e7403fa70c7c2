import {
  AreaCreatedV1,
  createEvent,
  EventRegistry,
  ORG_TOPICS,
  VolunteerAddedV1,
  type EventEnvelope,
} from '@sangathan/contracts';
import { isolateTest, produceRaw, uniqueName, waitFor } from '@sangathan/testing';
import {
  EventDispatcher,
  KafkaConnection,
  KafkaEventConsumer,
  KafkaMessagePublisher,
  kafkaSettingsFromEnv,
  type DeliveredEvent,
} from '../src';

const source = { producer: 'test', areaPath: ['IN'], actorId: null, correlationId: 'test' };

function areaCreated(areaId: string): EventEnvelope {
  return createEvent(
    AreaCreatedV1,
    { areaId, level: 'booth', parentId: 'IN', ancestors: ['IN'], nameEn: areaId, nameHi: null },
    { ...source, areaId },
  );
}

function volunteerAdded(boothId: string, memberId: string): EventEnvelope {
  return createEvent(
    VolunteerAddedV1,
    {
      boothId,
      ancestors: ['IN'],
      lokSabhaId: null,
      committeeFormed: false,
      committeeSize: 0,
      committeeRequired: 7,
      volunteerCount: 1,
      volunteerTarget: 5,
      whatsappGroupCount: 0,
      whatsappMemberCount: 0,
      memberId,
    },
    { ...source, areaId: boothId },
  );
}

/**
 * Records the order in which a consumer hands over the events of two topics. The booth topic is subscribed first:
 * the consumer's fetches then list it first, and the broker fills a small fetch from it first.
 */
class RecordingHandler {
  readonly subscribesTo = [VolunteerAddedV1, AreaCreatedV1];
  readonly seen: { type: string; id: string }[] = [];
  /** Distinct events: delivery is at least once, and a rebalance on a busy machine may hand some over again. */
  readonly ids = new Map<string, string>();
  async handleBatch(events: DeliveredEvent[]): Promise<void> {
    for (const { event } of events) {
      this.seen.push({ type: event.type, id: event.eventId });
      this.ids.set(event.eventId, event.type);
    }
  }
}

describe('a consumer with lead topics reads them to their end before the others', () => {
  isolateTest('lead-topics');
  let kafka: KafkaConnection;
  const consumers: KafkaEventConsumer[] = [];

  beforeAll(async () => {
    kafka = new KafkaConnection(kafkaSettingsFromEnv('lead-topics-test'));
    await kafka.ensureTopics(ORG_TOPICS);
    // The backlog: the other topic's events were all produced first, then the areas they refer to.
    await produceRaw(
      kafka.topicName(VolunteerAddedV1.topic),
      Array.from({ length: 300 }, (_, i) => ({
        key: `B-${i % 30}`,
        value: JSON.stringify(volunteerAdded(`B-${i % 30}`, `M-${i}`)),
      })),
    );
    await produceRaw(
      kafka.topicName(AreaCreatedV1.topic),
      Array.from({ length: 200 }, (_, i) => ({
        key: `B-${i}`,
        value: JSON.stringify(areaCreated(`B-${i}`)),
      })),
    );
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await kafka?.disconnect();
  });

  async function consume(leadTopics?: string[]): Promise<RecordingHandler> {
    const handler = new RecordingHandler();
    const dispatcher = new EventDispatcher(new EventRegistry(), [handler], new KafkaMessagePublisher(kafka), {
      consumerGroup: 'test',
    });
    const consumer = new KafkaEventConsumer(kafka, dispatcher, {
      groupId: uniqueName('group'),
      chunkSize: 50,
      fetchMaxBytes: 16 * 1024,
      leadTopics,
    });
    consumers.push(consumer);
    void consumer.start();
    await waitFor(() => handler.ids.size >= 500, { what: 'all 500 events consumed', timeoutMs: 60_000 });
    return handler;
  }

  it('hands over every lead-topic event before any event of the other topics, and then all of those', async () => {
    const { seen, ids } = await consume([AreaCreatedV1.topic]);
    const distinct = [...ids.values()];
    expect(distinct.filter((t) => t === AreaCreatedV1.type)).toHaveLength(200);
    expect(distinct.filter((t) => t === VolunteerAddedV1.type)).toHaveLength(300);
    // Every area was handed over (at least once) before the first volunteer event.
    const firstOther = seen.findIndex((e) => e.type === VolunteerAddedV1.type);
    const before = seen.slice(0, firstOther);
    expect(before.every((e) => e.type === AreaCreatedV1.type)).toBe(true);
    expect(new Set(before.map((e) => e.id)).size).toBe(200);
  });

  it('without lead topics the same backlog is read interleaved (the test above could fail)', async () => {
    // Which partition a fetch serves first is the broker's choice: on a busy machine one fresh group may still
    // get every area first, so up to three groups read the backlog and one interleaving is enough.
    const interleaved: boolean[] = [];
    for (let run = 0; run < 3 && !interleaved.includes(true); run++) {
      const types = (await consume()).seen.map((e) => e.type);
      interleaved.push(types.indexOf(VolunteerAddedV1.type) < types.lastIndexOf(AreaCreatedV1.type));
    }
    expect(interleaved).toContain(true);
  });
});
