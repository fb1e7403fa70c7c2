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
    // A topic created a moment ago may not be served by its leader yet on a busy broker: keep trying for a while.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await producer.send({ topic, messages });
        return;
      } catch (error) {
        const retriable =
          (error as { retriable?: boolean; type?: string }).retriable ||
          /topic-partition|leader/i.test((error as Error).message);
        if (!retriable || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await producer.disconnect();
  }
}
