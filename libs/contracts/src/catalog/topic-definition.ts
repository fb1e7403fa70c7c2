/** A Kafka topic the platform owns. Topics are created from this catalog, never auto-created. */
export interface TopicDefinition {
  /** `<domain>.<aggregate>.events`, or a published stream such as `analytics.momentum`. */
  readonly name: string;
  readonly description: string;
  /** What the message key is; one key's events stay ordered in one partition. */
  readonly key: string;
  readonly partitions: number;
  /** -1 keeps forever. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  /** Service that writes to the topic. */
  readonly owner: string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Dead-letter topic for messages consumers could not process; same partitions, 30-day retention. */
export function deadLetterTopicName(topic: string): string {
  return `${topic}.dlq`;
}
