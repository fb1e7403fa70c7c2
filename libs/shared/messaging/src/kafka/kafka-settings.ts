/** Broker settings read from the environment (12-factor), shared by producers, consumers and admin. */
export type KafkaSettings = {
  brokers: string[];
  clientId: string;
  /** Prepended to every catalog topic name; lets tests and shared clusters isolate their topics. */
  topicPrefix: string;
};

export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  return { brokers, clientId: env.KAFKA_CLIENT_ID ?? clientId, topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '' };
}
