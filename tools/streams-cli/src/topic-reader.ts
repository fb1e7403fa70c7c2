import type { Broker } from './broker';

/** One message as read, with its coordinates. `topic` is the catalogue name (without the deployment prefix). */
export type ReadMessage = {
  topic: string;
  partition: number;
  offset: string;
  /** Broker timestamp (epoch ms): when the event was published. */
  timestamp: number;
  key: string | null;
  value: string;
};

/** Where reading starts and, for a bounded read, stops (exclusive), per topic and partition. */
export type ReadPlan = Record<string, Record<number, { start: string; end?: string }>>;

/**
 * Plans a read of `topics`: from the first offset at or after `fromMs` (Kafka's time index; the beginning without
 * it) to the first offset at or after `toMs` (the end the partition has now without it), or with no end when
 * `follow`.
 */
export async function planRead(
  broker: Broker,
  topics: readonly string[],
  range: { fromMs?: number; toMs?: number; follow?: boolean },
): Promise<ReadPlan> {
  const admin = broker.kafka.admin();
  await admin.connect();
  try {
    const plan: ReadPlan = {};
    for (const topic of topics) {
      const name = broker.topicName(topic);
      const offsets = await admin.fetchTopicOffsets(name);
      const starts =
        range.fromMs === undefined
          ? offsets.map((o) => ({ partition: o.partition, offset: o.low }))
          : await admin.fetchTopicOffsetsByTimestamp(name, range.fromMs);
      const ends = range.follow
        ? undefined
        : range.toMs === undefined
          ? offsets.map((o) => ({ partition: o.partition, offset: o.high }))
          : await admin.fetchTopicOffsetsByTimestamp(name, range.toMs);
      plan[topic] = Object.fromEntries(
        starts.map(({ partition, offset }) => [
          partition,
          { start: offset, end: ends?.find((e) => e.partition === partition)?.offset },
        ]),
      );
    }
    return plan;
  } finally {
    await admin.disconnect();
  }
}

/** Messages a bounded plan covers (what a progress bar counts to). */
export function plannedCount(plan: ReadPlan): number {
  let total = 0;
  for (const partitions of Object.values(plan))
    for (const { start, end } of Object.values(partitions))
      if (end !== undefined) total += Math.max(0, Number(end) - Number(start));
  return total;
}

/**
 * Reads what `plan` covers with a consumer group of its own, seeking every partition itself and committing
 * nothing (the group only exists so the broker serves the fetches: it never holds offsets, and it is never a
 * service's group). `onBatch` gets each partition's messages in order. Resolves when every bounded partition is
 * read to its end; a read without ends runs until `signal` aborts.
 */
export async function readPlan(
  broker: Broker,
  plan: ReadPlan,
  onBatch: (messages: ReadMessage[]) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const byBrokerTopic = new Map(Object.keys(plan).map((topic) => [broker.topicName(topic), topic]));
  const pending = new Set<string>();
  for (const [topic, partitions] of Object.entries(plan))
    for (const [partition, { start, end }] of Object.entries(partitions))
      if (end === undefined || BigInt(start) < BigInt(end)) pending.add(`${topic}#${partition}`);
  if (pending.size === 0) return;

  const consumer = broker.kafka.consumer({
    groupId: broker.groupId(),
    sessionTimeout: 10_000,
    heartbeatInterval: 3000,
    allowAutoTopicCreation: false,
    retry: { retries: 10, initialRetryTime: 300 },
  });
  let settle!: (error?: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  const onAbort = () => settle();
  signal?.addEventListener('abort', onAbort, { once: true });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) settle(payload.error);
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...byBrokerTopic.keys()], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const topic = byBrokerTopic.get(batch.topic)!;
        const bounds = plan[topic][batch.partition];
        const id = `${topic}#${batch.partition}`;
        if (!pending.has(id)) return;
        const end = bounds.end === undefined ? undefined : BigInt(bounds.end);
        const messages: ReadMessage[] = [];
        let reachedEnd = false;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset < BigInt(bounds.start)) continue;
          if (end !== undefined && offset >= end) {
            reachedEnd = true;
            break;
          }
          messages.push({
            topic,
            partition: batch.partition,
            offset: message.offset,
            timestamp: Number(message.timestamp),
            key: message.key?.toString('utf8') ?? null,
            value: message.value?.toString('utf8') ?? '',
          });
          resolveOffset(message.offset);
        }
        if (messages.length > 0) {
          try {
            await onBatch(messages);
          } catch (error) {
            pending.clear();
            settle(error);
            return;
          }
        }
        await heartbeat();
        const last = messages.at(-1);
        if (end !== undefined && (reachedEnd || (last && BigInt(last.offset) + 1n >= end))) {
          pending.delete(id);
          consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
          if (pending.size === 0) settle();
        }
      },
    });
    for (const [topic, partitions] of Object.entries(plan))
      for (const [partition, { start }] of Object.entries(partitions))
        consumer.seek({ topic: broker.topicName(topic), partition: Number(partition), offset: start });
    await finished;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await consumer.disconnect();
  }
}
