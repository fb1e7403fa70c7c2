import { quietUntil, type QuietHours } from './quiet-hours';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

export type Channel = 'email' | 'sms' | 'whatsapp' | 'inbox';
export type MessageState = 'queued' | 'sent' | 'delivered' | 'failed' | 'suppressed';

/** One step in a message's life, kept in order on the message. */
export type HistoryEntry = {
  at: Date;
  /**
   * A state, or what happened without changing it: retry scheduled, deferred, channel skipped, fallback, the
   * provider reporting it could not deliver, a reminder moved with its session.
   */
  step: MessageState | 'retry' | 'deferred' | 'skipped' | 'fallback' | 'undelivered' | 'rescheduled';
  channel: Channel | null;
  detail: string;
};

/** Texts and provider parameters, rendered once when the message is planned. */
export type MessageContent = {
  subject: string;
  body: string;
  /** Template variables formatted in the member's language, in the template's declared order. */
  params: { name: string; value: string }[];
  templateId: string;
  /** Provider template ids: WhatsApp's approved template name, the SMS body's DLT template id. */
  whatsappTemplate: string | null;
  dltTemplateId: string | null;
};

export type NotificationMessage = {
  id: string;
  /** `<eventId>|<memberId>|<ruleId>`: unique, so an event never notifies one member twice for one rule. */
  dedupeKey: string;
  ruleId: string;
  sourceEventId: string;
  sourceEventType: string;
  /** Payload value cancellations match on (a session or task id), if the rule names one. */
  subjectKey: string | null;
  memberId: string;
  areaId: string;
  ancestors: string[];
  language: string;
  channels: Channel[];
  channelIndex: number;
  /** Calls made on the current channel. */
  attempts: number;
  /** Calls made over all channels. */
  totalAttempts: number;
  itemCount: number;
  state: MessageState;
  dueAt: Date;
  content: MessageContent;
  /** The template's values as planned (dates as dates), so a rescheduled reminder can be rendered again. */
  values: Record<string, unknown>;
  /** The provider's id of the accepted send on the current channel: receipts name it. */
  providerMessageId: string | null;
  history: HistoryEntry[];
  readAt: Date | null;
  createdAt: Date;
  version: number;
};

/** What a channel said about one send. */
export type SendOutcome =
  | { kind: 'accepted'; providerMessageId: string | null; delivered: boolean }
  | { kind: 'retriable'; reason: string }
  | { kind: 'permanent'; reason: string };

/** A provider's delivery receipt for a send it accepted (WhatsApp status webhook, SMS delivery report). */
export type DeliveryReceipt = { channel: Channel; status: 'delivered' | 'failed'; detail: string };

/** Why a channel cannot be used for this member at all (no address, opted out). */
export type ChannelUnusable = { kind: 'unusable'; reason: string };

/** What the delivery worker must record after looking at or sending one message. */
export type DeliveryStep =
  | { kind: 'deferred'; until: Date; history: HistoryEntry[] }
  | { kind: 'retry'; dueAt: Date; attempts: number; history: HistoryEntry[] }
  | { kind: 'fallback'; channelIndex: number; dueAt: Date; history: HistoryEntry[] }
  | {
      kind: 'sent';
      channel: Channel;
      delivered: boolean;
      providerMessageId: string | null;
      history: HistoryEntry[];
    }
  | { kind: 'delivered'; channel: Channel; history: HistoryEntry[] }
  | { kind: 'failed'; reason: 'exhausted' | 'undeliverable'; history: HistoryEntry[] };

export type DeliveryPolicy = { retry: RetryPolicy; quiet: QuietHours };

export function currentChannel(message: NotificationMessage): Channel | null {
  return message.channels[message.channelIndex] ?? null;
}

/** Before sending: a phone channel in quiet hours waits for morning. */
export function deferIfQuiet(
  message: NotificationMessage,
  now: Date,
  policy: DeliveryPolicy,
): DeliveryStep | null {
  const channel = currentChannel(message);
  if (!channel) return null;
  const until = quietUntil(channel, now, policy.quiet);
  if (!until) return null;
  return {
    kind: 'deferred',
    until,
    history: [{ at: now, step: 'deferred', channel, detail: `quiet hours until ${until.toISOString()}` }],
  };
}

/** Moves on to the next channel, or fails the message when none is left. */
function fallBack(
  message: NotificationMessage,
  now: Date,
  entry: HistoryEntry,
  anySent: boolean,
): DeliveryStep {
  const next = message.channelIndex + 1;
  const history = [entry];
  if (next < message.channels.length) {
    history.push({
      at: now,
      step: 'fallback',
      channel: message.channels[next],
      detail: `next channel ${message.channels[next]}`,
    });
    return { kind: 'fallback', channelIndex: next, dueAt: now, history };
  }
  const reason = anySent || message.totalAttempts > 0 ? 'exhausted' : 'undeliverable';
  history.push({
    at: now,
    step: 'failed',
    channel: null,
    detail: reason === 'exhausted' ? 'every channel failed' : 'no reachable channel',
  });
  return { kind: 'failed', reason, history };
}

/** A channel this member cannot be reached on is skipped without a call. */
export function skipChannel(
  message: NotificationMessage,
  unusable: ChannelUnusable,
  now: Date,
): DeliveryStep {
  const channel = currentChannel(message);
  return fallBack(message, now, { at: now, step: 'skipped', channel, detail: unusable.reason }, false);
}

/** After a provider call: sent, retried later with backoff, or the next channel. */
export function afterSend(
  message: NotificationMessage,
  outcome: SendOutcome,
  now: Date,
  policy: DeliveryPolicy,
  random: () => number = Math.random,
): DeliveryStep {
  const channel = currentChannel(message);
  if (!channel) throw new Error(`message ${message.id} has no channel left to send on`);
  const attempts = message.attempts + 1;
  if (outcome.kind === 'accepted') {
    const state = outcome.delivered ? 'delivered' : 'sent';
    const detail = outcome.providerMessageId ? `provider id ${outcome.providerMessageId}` : 'accepted';
    return {
      kind: 'sent',
      channel,
      delivered: outcome.delivered,
      providerMessageId: outcome.providerMessageId,
      history: [{ at: now, step: state, channel, detail: `${detail} (attempt ${attempts})` }],
    };
  }
  if (outcome.kind === 'retriable' && attempts < policy.retry.maxAttempts) {
    const dueAt = new Date(now.getTime() + retryDelayMs(attempts, policy.retry, random));
    return {
      kind: 'retry',
      dueAt,
      attempts,
      history: [
        {
          at: now,
          step: 'retry',
          channel,
          detail: `${outcome.reason}; attempt ${attempts}, next at ${dueAt.toISOString()}`,
        },
      ],
    };
  }
  const why =
    outcome.kind === 'retriable' ? `${outcome.reason}; gave up after ${attempts} attempts` : outcome.reason;
  return fallBack(message, now, { at: now, step: 'failed', channel, detail: why }, true);
}

/**
 * After a provider's receipt: delivered, or, when the provider could not deliver, the next channel (or failed
 * when none is left). Null when the receipt changes nothing: the message is not waiting for one on that channel
 * (already delivered, moved on, or the same receipt again).
 */
export function afterReceipt(
  message: NotificationMessage,
  receipt: DeliveryReceipt,
  now: Date,
): DeliveryStep | null {
  const channel = currentChannel(message);
  if (message.state !== 'sent' || channel !== receipt.channel) return null;
  if (receipt.status === 'delivered')
    return {
      kind: 'delivered',
      channel,
      history: [{ at: now, step: 'delivered', channel, detail: receipt.detail }],
    };
  return fallBack(message, now, { at: now, step: 'undelivered', channel, detail: receipt.detail }, true);
}
