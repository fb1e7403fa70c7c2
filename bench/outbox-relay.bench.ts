// Outbox relay throughput: events/s from MongoDB (FerretDB here) to Kafka, including the pull.
//   npm run bench -- outbox-relay [--docs 20000] [--events-per-doc 1]
import { AreaCreatedV1, createEvent, ORG_TOPICS } from '@sangathan/contracts';
import {
  KafkaConnection,
  KafkaMessagePublisher,
  kafkaSettingsFromEnv,
  OutboxRelay,
  outboxFieldsForInsert,
  toOutboxEntry,
} from '@sangathan/messaging';
import mongoose from 'mongoose';
import { argNumber, rate, report, runBench } from './bench-utils';

const docs = argNumber('docs', 20_000);
const perDoc = argNumber('events-per-doc', 1);

async function main(): Promise<void> {
  const id = `bench-${Date.now().toString(36)}`;
  process.env.KAFKA_TOPIC_PREFIX = `${id}.`;
  const connection = new KafkaConnection(kafkaSettingsFromEnv('bench-relay'));
  await connection.ensureTopics(ORG_TOPICS);
  const db = await mongoose
    .createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { dbName: `${id}-relay` })
    .asPromise();
  const collection = db.collection('aggregates');

  let started = Date.now();
  for (let i = 0; i < docs; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(i + 1000, docs); j++) {
      const areaId = `B-${j}`;
      const entries = Array.from({ length: perDoc }, () =>
        toOutboxEntry(
          createEvent(
            AreaCreatedV1,
            { areaId, level: 'booth', parentId: 'S', ancestors: ['IN'], nameEn: areaId, nameHi: null },
            { producer: 'bench', areaId, areaPath: ['IN'], actorId: null, correlationId: 'bench' },
          ),
          AreaCreatedV1.topic,
          areaId,
        ),
      );
      batch.push({ _id: areaId, ...outboxFieldsForInsert(entries) });
    }
    await collection.insertMany(batch as never[]);
  }
  const insertMs = Date.now() - started;

  const relay = new OutboxRelay(() => db.db, new KafkaMessagePublisher(connection), {
    collections: ['aggregates'],
    batchSize: 500,
  });
  started = Date.now();
  let published = 0;
  for (;;) {
    const n = await relay.drainOnce();
    published += n;
    if (n === 0) break;
    process.stdout.write(`\r  relayed ${published}/${docs * perDoc}`);
  }
  const relayMs = Date.now() - started;
  const left = await collection.countDocuments({ 'outbox.0': { $exists: true } });
  await db.dropDatabase();
  await db.close();
  await connection.disconnect();
  report(`outbox relay (${docs} documents × ${perDoc} events)`, {
    'insert with outbox (docs/s)': rate(docs, insertMs),
    'relay: published + pulled (events/s)': rate(published, relayMs),
    'events left in outboxes': left,
  });
}

runBench(main);
