import type { Admin } from 'kafkajs';

/**
 * Creates topics and waits until every partition has a leader. kafkajs' own `waitForLeaders` gives up with
 * "This server does not host this topic-partition" when a loaded broker has not propagated a new topic's
 * metadata yet; this keeps asking until it has, or the deadline passes.
 */
export async function createTopicsWithLeaders(
  admin: Admin,
  topics: readonly string[],
  { numPartitions = 1, timeoutMs = 60_000 }: { numPartitions?: number; timeoutMs?: number } = {},
): Promise<void> {
  if (topics.length === 0) return;
  await admin
    .createTopics({ topics: topics.map((topic) => ({ topic, numPartitions })), waitForLeaders: false })
    .catch((error: Error & { type?: string }) => {
      if (error.type !== 'TOPIC_ALREADY_EXISTS') throw error;
    });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const led = metadata.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
      );
      if (led && metadata.length === topics.length) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`topics ${topics.join(', ')} have no leaders after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
