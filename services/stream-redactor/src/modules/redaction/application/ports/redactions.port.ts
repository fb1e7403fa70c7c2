import type { OutboxEntry } from '@sangathan/messaging';

/** Records that an internal event was redacted, with the analyst events it became, in one write. */
export interface RedactionsPort {
  /** Idempotent per source event: a second call for the same event writes nothing and publishes nothing. */
  record(source: { eventId: string; type: string }, events: readonly OutboxEntry[]): Promise<void>;
}

export const REDACTIONS_PORT = Symbol('RedactionsPort');
