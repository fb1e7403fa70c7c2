// End-to-end messaging throughput through libs/messaging versus raw kafkajs, same topic, same run; and the
// consumer with its handlers declared the Nest way (@OnEvent / @OnEventBatch through KafkaEventTransport)
// versus the same handlers given to the dispatcher directly.
//   npm run bench -- messaging-throughput [--events 200000]
import { Controller, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AreaCreatedV1, createEvent, EventRegistry, ORG_TOPICS, type EventOf } from '@sangathan/contracts';
import {
  EventDispatcher,
  KafkaConnection,
  KafkaEventConsumer,
  KafkaEventTransport,
  KafkaMessagePublisher,
  kafkaSettingsFromEnv,
  OnEvent,
  OnEventBatch,
  type DeliveredEvent,
  type IntegrationEventHandler,
} from '@sangathan/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { argNumber, rate, report, runBench } from './bench-utils';

const total = argNumber('events', 200_000);

/** What every consumer round does per event: count it, and finish the round at the last one. */
class Counter {
  seen = 0;
  first = 0;
  done!: () => void;
  readonly finished = new Promise<void>((resolve) => (this.done = resolve));
  add(count: number): void {
    this.first ||= Date.now();
    this.seen += count;
    if (this.seen >= total) this.done();
  }
}

let counter = new Counter();

@Controller()
class BatchCountingController {
  @OnEventBatch(AreaCreatedV1)
  async count(events: DeliveredEvent[]): Promise<void> {
    counter.add(events.length);
  }
}

@Controller()
class EventCountingController {
  @OnEvent(AreaCreatedV1)
  async count(event: EventOf<typeof AreaCreatedV1>): Promise<void> {
    if (event.payload.areaId) counter.add(1);
  }
}

@Module({ controllers: [BatchCountingController] })
class BatchModule {}

@Module({ controllers: [EventCountingController] })
class EventModule {}

/** The handlers Nest registers for a module's @OnEvent methods, as the service's consumer receives them. */
async function nestHandlers(
  module: Type<unknown>,
): Promise<{ handlers: IntegrationEventHandler[]; close: () => Promise<void> }> {
  const app = await NestFactory.create(module, { logger: false });
  const transport = new KafkaEventTransport();
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
  await app.init();
  return { handlers: transport.eventHandlers(), close: () => app.close() };
}

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
  const libRound = async (name: string, round: number, handler: IntegrationEventHandler): Promise<number> => {
    counter = new Counter();
    const dispatcher = new EventDispatcher(new EventRegistry(), [handler], publisher, {
      consumerGroup: 'bench',
    });
    const consumer = new KafkaEventConsumer(connection, dispatcher, { groupId: `bench-${name}-${round}` });
    void consumer.start();
    await counter.finished;
    const ms = Date.now() - counter.first;
    await consumer.stop();
    return ms;
  };
  const directBatch: IntegrationEventHandler = {
    subscribesTo: [AreaCreatedV1],
    handleBatch: async (events) => counter.add(events.length),
  };
  const directEach: IntegrationEventHandler = {
    subscribesTo: [AreaCreatedV1],
    handle: async (event) => {
      if ((event.payload as { areaId?: string }).areaId) counter.add(1);
    },
  };
  const nestBatch = await nestHandlers(BatchModule);
  const nestEach = await nestHandlers(EventModule);
  const rounds: Record<string, { handler: IntegrationEventHandler; times: number[] }> = {
    'batch, direct': { handler: directBatch, times: [] },
    'batch, @OnEventBatch': { handler: nestBatch.handlers[0], times: [] },
    'one by one, direct': { handler: directEach, times: [] },
    'one by one, @OnEvent': { handler: nestEach.handlers[0], times: [] },
  };
  const rawTimes: number[] = [];
  const libTimes: number[] = [];
  const roundCount = argNumber('rounds', 3);
  for (let round = 0; round < roundCount; round++) {
    rawTimes.push(await rawRound(round));
    // Alternating order, so a noisy moment does not always fall on the same variant.
    const order = Object.entries(rounds);
    if (round % 2 === 1) order.reverse();
    for (const [name, variant] of order)
      variant.times.push(await libRound(name.replace(/\W+/g, '-'), round, variant.handler));
  }
  libTimes.push(...rounds['batch, direct'].times);
  const rawConsumeMs = Math.min(...rawTimes);
  const libConsumeMs = Math.min(...libTimes);
  const best = (name: string) => Math.min(...rounds[name].times);
  await nestBatch.close();
  await nestEach.close();
  await connection.disconnect();

  report(`messaging throughput (${total} events, ~${Math.round(values[0].length)} bytes each)`, {
    'produce, libs/messaging publisher (ev/s)': rate(producedEach, libProduceMs),
    'produce, raw kafkajs (ev/s)': rate(producedEach, rawProduceMs),
    'produce ratio lib/raw': (rawProduceMs / libProduceMs).toFixed(2),
    'consume, libs/messaging (validate+dispatch) (ev/s)': rate(total, libConsumeMs),
    'consume, raw kafkajs parse-only (ev/s)': rate(total, rawConsumeMs),
    'consume ratio lib/raw': (rawConsumeMs / libConsumeMs).toFixed(2),
    'consume, batch handler via @OnEventBatch (ev/s)': rate(total, best('batch, @OnEventBatch')),
    'consume ratio @OnEventBatch/direct': (best('batch, direct') / best('batch, @OnEventBatch')).toFixed(3),
    'consume, one-by-one handler direct (ev/s)': rate(total, best('one by one, direct')),
    'consume, one-by-one handler via @OnEvent (ev/s)': rate(total, best('one by one, @OnEvent')),
    'consume ratio @OnEvent/direct': (best('one by one, direct') / best('one by one, @OnEvent')).toFixed(3),
  });
}

runBench(main);
