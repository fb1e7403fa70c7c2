// End-to-end messaging throughput through libs/messaging versus raw kafkajs, same topic, same run.
//   npm run bench -- messaging-throughput [--events 200000]
import { AreaCreatedV1, createEvent, EventRegistry, ORG_TOPICS } from '@sangathan/contracts';
import { EventDispatcher, KafkaConnection, KafkaEventConsumer, KafkaMessagePublisher, kafkaSettingsFromEnv, type IntegrationEventHandler } from '@sangathan/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { argNumber, rate, report } from './bench-utils';

const total = argNumber('events', 200_000);

async function main(): Promise<void> {
  const prefix = `bench-${Date.now().toString(36)}.`;
  process.env.KAFKA_TOPIC_PREFIX = prefix;
  const connection = new KafkaConnection(kafkaSettingsFromEnv('bench'));
  await connection.ensureTopics(ORG_TOPICS);
  const topic = connection.topicName(AreaCreatedV1.topic);
  const values = Array.from({ length: total }, (_, i) =>
    JSON.stringify(
      createEvent(
        AreaCreatedV1,
        { areaId: `B-${i}`, level: 'booth', parentId: 'S-1', ancestors: ['IN', 'UP', 'S-1'], nameEn: `Booth ${i}`, nameHi: `बूथ ${i}` },
        { producer: 'bench', areaId: `B-${i}`, areaPath: ['IN', 'UP', 'S-1'], actorId: null, correlationId: 'bench' },
      ),
    ),
  );

  // Produce: the lib's publisher (what the outbox relay uses) vs a raw kafkajs producer.
  const publisher = new KafkaMessagePublisher(connection);
  const chunk = 1000;
  let started = Date.now();
  for (let i = 0; i < total / 2; i += chunk) {
    await publisher.publish(values.slice(i, Math.min(i + chunk, total / 2)).map((value, j) => ({ topic: AreaCreatedV1.topic, key: `B-${i + j}`, value, headers: {} })));
  }
  const libProduceMs = Date.now() - started;
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: connection.settings.brokers, logLevel: logLevel.NOTHING });
  const rawProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await rawProducer.connect();
  started = Date.now();
  for (let i = total / 2; i < total; i += chunk) {
    await rawProducer.send({ topic, acks: -1, messages: values.slice(i, Math.min(i + chunk, total)).map((value, j) => ({ key: `B-${i + j}`, value })) });
  }
  const rawProduceMs = Date.now() - started;
  await rawProducer.disconnect();

  // Consume: raw kafkajs that only parses vs the lib's consumer (validation + dispatch + commits).
  let rawSeen = 0;
  const rawConsumer = kafka.consumer({ groupId: `${prefix}raw`, maxBytesPerPartition: 4 * 1024 * 1024 });
  await rawConsumer.connect();
  await rawConsumer.subscribe({ topic, fromBeginning: true });
  let rawDone!: () => void;
  const rawFinished = new Promise<void>((resolve) => (rawDone = resolve));
  let rawStart = 0;
  await rawConsumer.run({
    eachBatch: async ({ batch }) => {
      rawStart ||= Date.now();
      for (const message of batch.messages) JSON.parse(message.value!.toString());
      rawSeen += batch.messages.length;
      if (rawSeen >= total) rawDone();
    },
  });
  await rawFinished;
  const rawConsumeMs = Date.now() - rawStart;
  await rawConsumer.disconnect();

  let libSeen = 0;
  let libStart = 0;
  let libDone!: () => void;
  const libFinished = new Promise<void>((resolve) => (libDone = resolve));
  const handler: IntegrationEventHandler = {
    subscribesTo: [AreaCreatedV1],
    handleBatch: async (events) => {
      libStart ||= Date.now();
      libSeen += events.length;
      if (libSeen >= total) libDone();
    },
  };
  const dispatcher = new EventDispatcher(new EventRegistry(), [handler], publisher, { consumerGroup: 'bench' });
  const consumer = new KafkaEventConsumer(connection, dispatcher, { groupId: 'bench-lib' });
  void consumer.start();
  await libFinished;
  const libConsumeMs = Date.now() - libStart;
  await consumer.stop();
  await connection.disconnect();

  report(`messaging throughput (${total} events, ~${Math.round(values[0].length)} bytes each)`, {
    'produce, libs/messaging publisher (ev/s)': rate(total / 2, libProduceMs),
    'produce, raw kafkajs (ev/s)': rate(total / 2, rawProduceMs),
    'produce ratio lib/raw': (rawProduceMs / libProduceMs).toFixed(2),
    'consume, libs/messaging (validate+dispatch) (ev/s)': rate(total, libConsumeMs),
    'consume, raw kafkajs parse-only (ev/s)': rate(total, rawConsumeMs),
    'consume ratio lib/raw': (rawConsumeMs / libConsumeMs).toFixed(2),
  });
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
