import type { ReadMessage } from './topic-reader';

/** One event as a flat row (CSV and Parquet columns); the payload stays JSON, since its fields differ by type. */
export type EventRow = {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  eventId: string;
  type: string;
  version: number;
  occurredAt: string;
  producer: string;
  areaId: string;
  areaPath: string;
  payload: string;
};

export const ROW_COLUMNS: readonly (keyof EventRow)[] = [
  'topic',
  'partition',
  'offset',
  'timestamp',
  'key',
  'eventId',
  'type',
  'version',
  'occurredAt',
  'producer',
  'areaId',
  'areaPath',
  'payload',
];

/** The parsed envelope of a message, or undefined for a value that is not a JSON object. */
export function envelopeOf(message: ReadMessage): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(message.value) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function toRow(message: ReadMessage, envelope: Record<string, unknown>): EventRow {
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    timestamp: new Date(message.timestamp).toISOString(),
    key: message.key,
    eventId: String(envelope.eventId ?? ''),
    type: String(envelope.type ?? ''),
    version: Number(envelope.version ?? 0),
    occurredAt: String(envelope.occurredAt ?? ''),
    producer: String(envelope.producer ?? ''),
    areaId: String(envelope.areaId ?? ''),
    areaPath: JSON.stringify(envelope.areaPath ?? []),
    payload: JSON.stringify(envelope.payload ?? null),
  };
}

/** One line a person reads: when, where from, what, which area, then the payload. */
export function prettyLine(message: ReadMessage, envelope: Record<string, unknown>): string {
  const path = Array.isArray(envelope.areaPath) ? [...(envelope.areaPath as string[]), envelope.areaId] : [];
  return (
    `${new Date(message.timestamp).toISOString()} ${message.topic}[${message.partition}@${message.offset}] ` +
    `${String(envelope.type)} v${String(envelope.version)} ${path.join(' › ')}\n` +
    `  ${JSON.stringify(envelope.payload)}\n`
  );
}
