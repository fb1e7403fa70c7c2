import { Kafka, logLevel } from 'kafkajs';
import { integrationInfra } from './test-env';

/** Sends arbitrary bytes to a topic, for malformed-input tests. */
export async function produceRaw(
  topic: string,
  messages: { key?: string; value: string; headers?: Record<string, string> }[],
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'raw-producer',
    brokers: integrationInfra().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}
