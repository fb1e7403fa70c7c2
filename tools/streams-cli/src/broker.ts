import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';

/** How the CLI reaches the broker: flags first, then the same environment variables the services read. */
export type BrokerOptions = {
  brokers?: string;
  username?: string;
  password?: string;
  mechanism?: string;
  topicPrefix?: string;
  groupPrefix?: string;
};

export type Broker = {
  kafka: Kafka;
  /** Broker-side name of a catalogue topic. */
  topicName: (catalogueName: string) => string;
  /** A fresh consumer group of the CLI's own (the analyst principal may only use `analyst-*` groups). */
  groupId: () => string;
};

export function connectBroker(options: BrokerOptions, env: NodeJS.ProcessEnv = process.env): Broker {
  const brokers = (options.brokers ?? env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const username = options.username ?? env.KAFKA_SASL_USERNAME;
  const password = options.password ?? env.KAFKA_SASL_PASSWORD;
  const mechanism = (options.mechanism ?? env.KAFKA_SASL_MECHANISM ?? 'scram-sha-512').toLowerCase();
  if (username && !password)
    throw new Error('a SASL username needs a password (--password or KAFKA_SASL_PASSWORD)');
  const sasl = username ? ({ mechanism, username, password: password! } as SASLOptions) : undefined;
  const prefix = options.topicPrefix ?? env.KAFKA_TOPIC_PREFIX ?? '';
  const groupPrefix = options.groupPrefix ?? env.SANGATHAN_STREAMS_GROUP_PREFIX ?? 'analyst-streams-';
  return {
    kafka: new Kafka({
      clientId: 'sangathan-streams',
      brokers,
      sasl,
      connectionTimeout: 5000,
      requestTimeout: 15000,
      retry: { retries: 5, initialRetryTime: 300 },
      logLevel: logLevel.NOTHING,
    }),
    topicName: (name) => `${prefix}${name}`,
    groupId: () => `${groupPrefix}${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
  };
}
