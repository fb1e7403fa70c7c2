import type { Broker } from './broker';
import { matches, type EventFilter } from './event-filter';
import { envelopeOf, prettyLine } from './event-row';
import { planRead, readPlan } from './topic-reader';

export type PrintRequest = {
  topics: readonly string[];
  filter: EventFilter;
  format: 'pretty' | 'ndjson';
  /** Keep reading new events (no `toMs`). */
  follow: boolean;
  write: (text: string) => void;
  signal?: AbortSignal;
};

/**
 * Prints the events of `topics` that pass the filter, in order per partition (the order of one key's events),
 * from `filter.fromMs` (the beginning without it) to `filter.toMs`, or on and on with `follow`.
 */
export async function printEvents(broker: Broker, request: PrintRequest): Promise<number> {
  const plan = await planRead(broker, request.topics, {
    fromMs: request.filter.fromMs,
    toMs: request.filter.toMs,
    follow: request.follow,
  });
  let printed = 0;
  await readPlan(
    broker,
    plan,
    async (messages) => {
      for (const message of messages) {
        const envelope = envelopeOf(message);
        if (!envelope || !matches(envelope, message.timestamp, request.filter)) continue;
        request.write(request.format === 'ndjson' ? `${message.value}\n` : prettyLine(message, envelope));
        printed++;
      }
    },
    request.signal,
  );
  return printed;
}
