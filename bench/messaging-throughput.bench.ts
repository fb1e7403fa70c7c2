// End-to-end messaging throughput through libs/messaging versus raw kafkajs, same topic, same run.
//   npm run bench -- messaging-throughput [--events 200000]
import { AreaCreatedV1, createEvent, EventRegistry, ORG_TOPICS } from '@sangathan/contracts';
import {
  EventDispatcher,
  KafkaConnection,
  KafkaEventConsumer,
  KafkaMessagePublisher,
  kafkaSettingsFromEnv,
  type IntegrationEventHandler,
} from '@sangathan/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { argNumber, rate, report, runBench } from './bench-utils';

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
        {
          areaId: `B-${i}`,
          level: 'booth',
          parentId: 'S-1',
          ancestors: ['IN', 'UP', 'S-1'],
          nameEn: `Booth ${i}`,
          nameHi: `बूथ ${i}`,
        },
        {
          producer: 'bench',
          areaId: `B-${i}`,
          areaPath: ['IN', 'UP', 'S-1'],
          actorId: null,
          correlationId: 'bench',
        },
      ),
    ),
  );

  // Produce: the lib's publisher (what the outbox relay uses) vs a raw kafkajs producer, both warmed
  // up, then alternating chunks so machine noise hits both equally.
  const publisher = new KafkaMessagePublisher(connection);
  const kafka = new Kafka({
    clientId: 'bench-raw',
    brokers: connection.settings.brokers,
    logLevel: logLevel.NOTHING,
  });
  const rawProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await rawProducer.connect();
  const chunk = 1000;
  const libSend = (from: number, to: number) =>
    publisher.publish(
      values
        .slice(from, to)
        .map((value, j) => ({ topic: AreaCreatedV1.topic, key: `B-${from + j}`, value, headers: {} })),
    );
  const rawSend = (from: number, to: number) =>
    rawProducer.send({
      topic,
      acks: -1,
      messages: values.slice(from, to).map((value, j) => ({ key: `B-${from + j}`, value })),
    });
  await libSend(0, chunk);
  await rawSend(chunk, 2 * chunk);
  let libProduceMs = 0;
  let rawProduceMs = 0;
  for (let i = 2 * chunk; i < total; i += 2 * chunk) {
    let t = Date.now();
    await libSend(i, Math.min(i + chunk, total));
    libProduceMs += Date.now() - t;
    t = Date.now();
    await rawSend(Math.min(i + chunk, total), Math.min(i + 2 * chunk, total));
    rawProduceMs += Date.now() - t;
  }
  await rawProducer.disconnect();
  const producedEach = (total - 2 * chunk) / 2;

  // Consume: raw kafkajs that only parses vs the lib's consumer (validation + dispatch + commits).
  // Alternating rounds (raw, lib, raw, lib) on fresh groups; the best round of each counts.
  const rawRound = async (round: number): Promise<number> => {
    let seen = 0;
    let first = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const consumer = kafka.consumer({
      groupId: `${prefix}raw-${round}`,
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        first ||= Date.now();
        for (const message of batch.messages) JSON.parse(message.value!.toString());
        seen += batch.messages.length;
        if (seen >= total) done();
      },
    });
    await finished;
    const ms = Date.now() - first;
    await consumer.disconnect();
    return ms;
  };
  const libRound = async (round: number): Promise<number> => {
    let seen = 0;
    let first = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const handler: IntegrationEventHandler = {
      subscribesTo: [AreaCreatedV1],
      handleBatch: async (events) => {
        first ||= Date.now();
        seen += events.length;
        if (seen >= total) done();
      },
    };
    const dispatcher = new EventDispatcher(new EventRegistry(), [handler], publisher, {
      consumerGroup: 'bench',
    });
    const consumer = new KafkaEventConsumer(connection, dispatcher, { groupId: `bench-lib-${round}` });
    void consumer.start();
    await finished;
    const ms = Date.now() - first;
    await consumer.stop();
    return ms;
  };
  const rawTimes: number[] = [];
  const libTimes: number[] = [];
  for (let round = 0; round < 2; round++) {
    rawTimes.push(await rawRound(round));
    libTimes.push(await libRound(round));
  }
  const rawConsumeMs = Math.min(...rawTimes);
  const libConsumeMs = Math.min(...libTimes);
  await connection.disconnect();

  report(`messaging throughput (${total} events, ~${Math.round(values[0].length)} bytes each)`, {
    'produce, libs/messaging publisher (ev/s)': rate(producedEach, libProduceMs),
    'produce, raw kafkajs (ev/s)': rate(producedEach, rawProduceMs),
    'produce ratio lib/raw': (rawProduceMs / libProduceMs).toFixed(2),
    'consume, libs/messaging (validate+dispatch) (ev/s)': rate(total, libConsumeMs),
    'consume, raw kafkajs parse-only (ev/s)': rate(total, rawConsumeMs),
    'consume ratio lib/raw': (rawConsumeMs / libConsumeMs).toFixed(2),
  });
}

runBench(main);
