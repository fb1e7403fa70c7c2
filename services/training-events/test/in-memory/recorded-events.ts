import type { OutboxEntry } from '@sangathan/messaging';

/** An event a fake repository saved, decoded for assertions. */
export type RecordedEvent = { key: string; type: string; eventId: string; payload: Record<string, unknown> };

export function recorded(entries: readonly OutboxEntry[]): RecordedEvent[] {
  return entries.map((entry) => ({
    key: entry.key,
    type: entry.type,
    eventId: entry.eventId,
    payload: (JSON.parse(entry.value) as { payload: Record<string, unknown> }).payload,
  }));
}
