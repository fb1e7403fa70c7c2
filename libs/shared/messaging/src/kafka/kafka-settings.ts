/** Broker settings read from the environment (12-factor), shared by producers, consumers and admin. */
export type KafkaSettings = {
  brokers: string[];
  clientId: string;
  /** Prepended to every catalog topic name; lets tests and shared clusters isolate their topics. */
  topicPrefix: string;
  /**
   * How long the group coordinator waits for a silent consumer before it gives its partitions away. A process
   * that was killed never says goodbye, so its successor is not ready before this has passed (kafkajs' default
   * is 30 s); the default is the least the broker allows (`group.min.session.timeout.ms`). Consumers heartbeat
   * while they handle a chunk and between idle fetches, which return within a second, so only an event loop
   * blocked for the whole session loses the partitions (docs/deploy.md).
   */
  sessionTimeoutMs: number;
  /**
   * SASL credentials (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_SASL_MECHANISM, default scram-sha-512) for a
   * broker with ACLs (docs/streams.md#access-control); none for a plaintext listener.
   */
  sasl?: { mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain'; username: string; password: string };
};

const SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;

function saslFromEnv(env: NodeJS.ProcessEnv): KafkaSettings['sasl'] {
  const username = env.KAFKA_SASL_USERNAME;
  if (!username) return undefined;
  const password = env.KAFKA_SASL_PASSWORD;
  if (!password) throw new Error('KAFKA_SASL_USERNAME is set without KAFKA_SASL_PASSWORD');
  const mechanism = (env.KAFKA_SASL_MECHANISM ?? 'scram-sha-512').toLowerCase();
  if (!(SASL_MECHANISMS as readonly string[]).includes(mechanism))
    throw new Error(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')} (got ${mechanism})`);
  return { mechanism: mechanism as (typeof SASL_MECHANISMS)[number], username, password };
}

const DEFAULT_SESSION_TIMEOUT_MS = 6000;

export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID ?? clientId,
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
    sessionTimeoutMs: Number(env.KAFKA_SESSION_TIMEOUT_MS) || DEFAULT_SESSION_TIMEOUT_MS,
    sasl: saslFromEnv(env),
  };
}
