import type { OutboxEntry } from '@sangathan/messaging';
import type {
  DeliveryStep,
  HistoryEntry,
  MessageContent,
  NotificationMessage,
} from '../../domain/notification-message.entity';

export type MessagePage = { items: NotificationMessage[]; nextCursor: string | null };

/** A delivery step to record, with the events it publishes. */
export type RecordedStep = {
  message: NotificationMessage;
  step: DeliveryStep;
  events: readonly OutboxEntry[];
  now: Date;
  /** The step follows a provider call. */
  attempted: boolean;
};

/** A queued reminder moved with its session: new due time and texts rendered again. */
export type ReminderChange = {
  dueAt: Date;
  content: MessageContent;
  values: Record<string, unknown>;
  entry: HistoryEntry;
};

/** The messages collection: each message's state, history and (through the outbox) its events. */
export interface MessagePort {
  /** Inserts new messages; a `dedupeKey` already present is skipped. Returns how many were new. */
  insertNew(messages: readonly NotificationMessage[]): Promise<number>;
  /** Leases up to `limit` queued messages due by `now` for `leaseMs`, so one replica sends each. */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<NotificationMessage[]>;
  /**
   * Records a step (and its events) if the message is still at `version`, releasing its lease; false when it
   * moved on. `attempted`: the step follows a provider call.
   */
  record(
    message: NotificationMessage,
    step: DeliveryStep,
    events: readonly OutboxEntry[],
    now: Date,
    attempted: boolean,
  ): Promise<boolean>;
  /** Records several steps in one round trip, each guarded like `record`; returns how many applied. */
  recordAll(steps: readonly RecordedStep[]): Promise<number>;
  /** Suppresses queued messages of these rules about `subjectKey` (a cancelled session). */
  suppress(ruleIds: readonly string[], subjectKey: string, reason: string, now: Date): Promise<number>;
  /** Queued messages of these rules about `subjectKey` (the reminders of a session). */
  queuedAbout(ruleIds: readonly string[], subjectKey: string): Promise<NotificationMessage[]>;
  /** Suppresses one queued message if it is still at its version. */
  suppressOne(message: NotificationMessage, reason: string, now: Date): Promise<boolean>;
  /** Applies a reminder's move if it is still queued at its version; false when it moved on. */
  reschedule(message: NotificationMessage, change: ReminderChange): Promise<boolean>;
  get(messageId: string): Promise<NotificationMessage | null>;
  /** The message whose accepted send the provider named so (a delivery receipt's reference). */
  byProviderMessageId(providerMessageId: string): Promise<NotificationMessage | null>;
  markRead(memberId: string, messageIds: readonly string[] | 'all', now: Date): Promise<number>;
  inbox(memberId: string, unreadOnly: boolean, cursor: string | null, limit: number): Promise<MessagePage>;
  unreadCount(memberId: string): Promise<number>;
  byMember(memberId: string, cursor: string | null, limit: number): Promise<MessagePage>;
  /** Messages an event caused, limited to an area subtree when `scopeAreaId` is given. */
  byEvent(
    eventId: string,
    scopeAreaId: string | null,
    cursor: string | null,
    limit: number,
  ): Promise<MessagePage>;
}
export const MESSAGE_PORT = Symbol('MessagePort');
