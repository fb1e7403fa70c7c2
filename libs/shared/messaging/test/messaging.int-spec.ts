import {
  AreaCreatedV1,
  createEvent,
  EventRegistry,
  ORG_TOPICS,
  type EventEnvelope,
} from '@sangathan/contracts';
import { isolateTest, produceRaw, TopicProbe, uniqueName, waitFor } from '@sangathan/testing';
import mongoose, { type Connection } from 'mongoose';
import {
  EventDispatcher,
  KafkaConnection,
  KafkaEventConsumer,
  KafkaMessagePublisher,
  kafkaSettingsFromEnv,
  OutboxRelay,
  outboxFieldsForInsert,
  outboxUpdate,
  PermanentEventError,
  toOutboxEntry,
  type IntegrationEventHandler,
} from '../src';

const topic = AreaCreatedV1.topic;

function areaEvent(areaId: string, nameEn = areaId): EventEnvelope {
  return createEvent(
    AreaCreatedV1,
    { areaId, level: 'booth', parentId: 'S-1', ancestors: ['IN', 'S-1'], nameEn, nameHi: null },
    { producer: 'test', areaId, areaPath: ['IN', 'S-1'], actorId: null, correlationId: 'test' },
  );
}

/** Applies each event once: the counter and the seen-list change in one conditional update. */
class CountingHandler implements IntegrationEventHandler {
  readonly subscribesTo = [AreaCreatedV1];
  failNextWith?: Error;
  constructor(private readonly db: Connection) {}
  async handle(event: EventEnvelope): Promise<void> {
    if (this.failNextWith) {
      const error = this.failNextWith;
      this.failNextWith = undefined;
      throw error;
    }
    const { payload } = event as EventEnvelope<{ areaId: string; nameEn: string }>;
    if (payload.nameEn === 'poison')
      throw new PermanentEventError('poison-area', 'this area can never be applied');
    const counters = this.db.collection<{ _id: string; seen: string[]; count: number }>('counters');
    const result = await counters.updateOne(
      { _id: payload.areaId, seen: { $ne: event.eventId } },
      { $inc: { count: 1 }, $push: { seen: event.eventId } },
    );
    if (result.matchedCount === 0) {
      await counters
        .insertOne({ _id: payload.areaId, seen: [event.eventId], count: 1 })
        .catch((error: { code?: number }) => {
          if (error.code !== 11000) throw error;
        });
    }
  }
  async count(areaId: string): Promise<number> {
    return (
      (await this.db.collection<{ _id: string; count: number }>('counters').findOne({ _id: areaId }))
        ?.count ?? 0
    );
  }
}

describe('messaging against the real broker and database', () => {
  const isolation = isolateTest('messaging');
  let kafka: KafkaConnection;
  let db: Connection;
  let relay: OutboxRelay;
  let consumer: KafkaEventConsumer;
  let handler: CountingHandler;
  let dlq: TopicProbe;

  beforeAll(async () => {
    kafka = new KafkaConnection(kafkaSettingsFromEnv('messaging-test'));
    await kafka.ensureTopics(ORG_TOPICS);
    db = await mongoose
      .createConnection(process.env.MONGODB_URI!, {
        dbName: isolation.dbName('messaging'),
        maxPoolSize: Number(process.env.MONGODB_MAX_POOL_SIZE) || undefined,
      })
      .asPromise();
    relay = new OutboxRelay(() => db.db, new KafkaMessagePublisher(kafka), {
      collections: ['aggregates'],
      sweepIntervalMs: 200,
    });
    handler = new CountingHandler(db);
    const dispatcher = new EventDispatcher(new EventRegistry(), [handler], new KafkaMessagePublisher(kafka), {
      consumerGroup: 'test',
    });
    consumer = new KafkaEventConsumer(kafka, dispatcher, { groupId: uniqueName('group') });
    dlq = await new TopicProbe(kafka.topicName(`${topic}.dlq`)).start();
    void consumer.start();
    relay.start();
    await waitFor(() => consumer.isConnected, { what: 'consumer group joined', timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await dlq?.stop();
    await kafka?.disconnect();
    await db?.close();
  });

  it('publishes outbox events in order per key and empties the outbox', async () => {
    const probe = await new TopicProbe(kafka.topicName(topic)).start();
    const id = uniqueName('AGG');
    const events = [areaEvent(id, 'first'), areaEvent(id, 'second'), areaEvent(id, 'third')];
    await db.collection('aggregates').insertOne({
      _id: id as never,
      ...outboxFieldsForInsert(events.slice(0, 2).map((e) => toOutboxEntry(e, topic, id))),
    });
    await db
      .collection('aggregates')
      .updateOne({ _id: id as never }, outboxUpdate([toOutboxEntry(events[2], topic, id)]));
    relay.notify();

    const received = await waitFor(
      () => {
        const mine = probe.messages.filter((m) => m.key === id);
        return mine.length >= 3 ? mine : undefined;
      },
      { what: 'three events on the topic' },
    );
    await probe.stop();
    expect(received.map((m) => JSON.parse(m.value).payload.nameEn)).toEqual(['first', 'second', 'third']);
    // The envelope's id travels as a header (consumers deduplicate on it); the trace headers are proved end to end
    // in tests/e2e/walking-skeleton.int-spec.ts, where a tracer is installed.
    expect(received.map((m) => m.headers['event-id'])).toEqual(
      received.map((m) => JSON.parse(m.value).eventId),
    );
    expect(received.map((m) => m.headers['event-type'])).toEqual([
      'org.area.created',
      'org.area.created',
      'org.area.created',
    ]);
    await waitFor(
      async () =>
        ((await db.collection('aggregates').findOne({ _id: id as never }))?.outbox ?? [1]).length === 0,
      { what: 'outbox emptied' },
    );
    expect(
      await db.collection('aggregates').countDocuments({ _id: id as never, outboxDueAt: { $exists: true } }),
    ).toBe(0);
  });

  it('relays a hinted document at once by _id, and finds an unannounced one on a sweep', async () => {
    // A second relay on its own collection whose periodic sweep is far away: only hints and explicit sweeps run.
    const hinted = new OutboxRelay(() => db.db, new KafkaMessagePublisher(kafka), {
      collections: ['hinted'],
      sweepIntervalMs: 600_000,
    });
    const probe = await new TopicProbe(kafka.topicName(topic)).start();
    const insert = (id: string) =>
      db
        .collection('hinted')
        .insertOne({ _id: id as never, ...outboxFieldsForInsert([toOutboxEntry(areaEvent(id), topic, id)]) });
    const startupSwept = uniqueName('STARTUP');
    await insert(startupSwept);
    hinted.start();
    try {
      // the start-up sweep (crash recovery) publishes what was already waiting; after it, only hints and sweeps
      await waitFor(() => probe.messages.some((m) => m.key === startupSwept), {
        what: 'start-up sweep',
        timeoutMs: 10_000,
      });
      const [announced, silent] = [uniqueName('HINT'), uniqueName('SILENT')];
      for (const id of [silent, announced]) await insert(id);
      hinted.notify('hinted', announced);
      await waitFor(() => probe.messages.some((m) => m.key === announced), {
        what: 'hinted event published',
        timeoutMs: 10_000,
      });
      expect(probe.messages.some((m) => m.key === silent)).toBe(false);
      // A hint for a document another replica holds under lease (its due time pushed past now) is skipped.
      const leased = uniqueName('LEASED');
      await insert(leased);
      await db
        .collection('hinted')
        .updateOne(
          { _id: leased as never },
          { $set: { outboxDueAt: new Date(Date.now() + 60_000), outboxClaimedBy: 'other-replica' } },
        );
      const marker = uniqueName('MARKER');
      await insert(marker);
      hinted.notify('hinted', [leased, marker]);
      await waitFor(() => probe.messages.some((m) => m.key === marker), {
        what: 'hinted marker published',
        timeoutMs: 10_000,
      });
      expect(probe.messages.some((m) => m.key === leased)).toBe(false);
      expect((await db.collection('hinted').findOne({ _id: leased as never }))?.outbox).toHaveLength(1);
      await db
        .collection('hinted')
        .updateOne(
          { _id: leased as never },
          { $set: { outboxDueAt: new Date() }, $unset: { outboxClaimedBy: '' } },
        );
      hinted.notify();
      await waitFor(() => probe.messages.some((m) => m.key === silent), {
        what: 'swept event published',
        timeoutMs: 10_000,
      });
      await waitFor(() => probe.messages.some((m) => m.key === leased), {
        what: 'lease-expired event published',
        timeoutMs: 10_000,
      });
      expect(await db.collection('hinted').countDocuments({ outboxDueAt: { $exists: true } })).toBe(0);
    } finally {
      await hinted.stop();
      await probe.stop();
    }
  });

  it('absorbs a re-publish after a relay crash between publish and acknowledge', async () => {
    const id = uniqueName('CRASH');
    const event = areaEvent(id);
    // The "crashed" relay got the event onto the broker but never pulled it from the outbox...
    await new KafkaMessagePublisher(kafka).publish([
      { topic, key: id, value: JSON.stringify(event), headers: {} },
    ]);
    // ...so the next relay publishes it again.
    await db
      .collection('aggregates')
      .insertOne({ _id: id as never, ...outboxFieldsForInsert([toOutboxEntry(event, topic, id)]) });
    relay.notify();
    await waitFor(async () => (await handler.count(id)) === 1, { what: 'event applied' });
    await waitFor(
      async () =>
        ((await db.collection('aggregates').findOne({ _id: id as never }))?.outbox ?? [1]).length === 0,
      { what: 'outbox emptied' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // give the duplicate time to arrive
    expect(await handler.count(id)).toBe(1);
  });

  it('routes malformed, unknown and invalid messages to the DLQ with the reason and keeps consuming', async () => {
    const after = uniqueName('AFTER');
    const brokerTopic = kafka.topicName(topic);
    const bad = [
      { key: uniqueName('bad'), value: '{not json' },
      { key: uniqueName('bad'), value: JSON.stringify({ ...areaEvent('X'), version: 42 }) },
      { key: uniqueName('bad'), value: JSON.stringify({ ...areaEvent('X'), payload: { areaId: 'X' } }) },
      {
        key: uniqueName('bad'),
        value: JSON.stringify({
          ...areaEvent('X'),
          occurredAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
        }),
      },
    ];
    await produceRaw(brokerTopic, [...bad, { key: after, value: JSON.stringify(areaEvent(after)) }]);

    await waitFor(async () => (await handler.count(after)) === 1, {
      what: 'the valid event after the bad ones',
    });
    const dead = await waitFor(
      () => {
        const mine = dlq.messages.filter((m) => bad.some((b) => b.key === m.key));
        return mine.length === bad.length ? mine : undefined;
      },
      { what: 'dead letters' },
    );
    expect(dead.map((m) => m.headers['dlq-reason']).sort()).toEqual([
      'future-event',
      'invalid-payload',
      'malformed-json',
      'unknown-event',
    ]);
    expect(dead[0].headers['dlq-original-topic']).toBe(topic);
    expect(dead.find((m) => m.headers['dlq-reason'] === 'malformed-json')?.value).toBe('{not json');
  });

  it('dead-letters an event its handler can never apply and applies the next one', async () => {
    const poison = uniqueName('POISON');
    const next = uniqueName('NEXT');
    await produceRaw(kafka.topicName(topic), [
      { key: poison, value: JSON.stringify(areaEvent(poison, 'poison')) },
      { key: next, value: JSON.stringify(areaEvent(next)) },
    ]);
    await waitFor(async () => (await handler.count(next)) === 1, { what: 'the event after the poison one' });
    const dead = await waitFor(() => dlq.messages.find((m) => m.headers['dlq-reason'] === 'poison-area'), {
      what: 'poison in the DLQ',
    });
    expect(JSON.parse(dead.value).payload.areaId).toBe(poison);
    expect(await handler.count(poison)).toBe(0);
  });

  it('retries a transient handler failure instead of dead-lettering it', async () => {
    const id = uniqueName('FLAKY');
    handler.failNextWith = Object.assign(new Error('connection reset'), { name: 'MongoNetworkError' });
    await produceRaw(kafka.topicName(topic), [{ key: id, value: JSON.stringify(areaEvent(id)) }]);
    await waitFor(async () => (await handler.count(id)) === 1, { what: 'the retried event' });
    expect(dlq.messages.some((m) => m.key === id)).toBe(false);
  });
});
