import type { NotificationMessage } from '../domain/notification-message.entity';
import type { NotificationMessageDocument } from './notification-message.schema';

type Stored = Omit<NotificationMessageDocument, 'outbox' | 'outboxDueAt'>;

export function toDocument(message: NotificationMessage): Stored {
  const { id, ...rest } = message;
  return {
    _id: id,
    ...rest,
    inboxed: message.channels.includes('inbox'),
    sentAt: null,
    deliveredAt: null,
    failReason: null,
    leaseOwner: null,
    leaseUntil: null,
  } as Stored;
}

export function toMessage(document: Stored): NotificationMessage {
  return {
    id: document._id,
    dedupeKey: document.dedupeKey,
    ruleId: document.ruleId,
    sourceEventId: document.sourceEventId,
    sourceEventType: document.sourceEventType,
    subjectKey: document.subjectKey ?? null,
    memberId: document.memberId,
    areaId: document.areaId,
    ancestors: document.ancestors,
    language: document.language,
    channels: document.channels as NotificationMessage['channels'],
    channelIndex: document.channelIndex,
    attempts: document.attempts,
    totalAttempts: document.totalAttempts,
    itemCount: document.itemCount,
    state: document.state as NotificationMessage['state'],
    dueAt: document.dueAt,
    content: document.content,
    values: document.values ?? {},
    providerMessageId: document.providerMessageId ?? null,
    history: document.history,
    readAt: document.readAt ?? null,
    createdAt: document.createdAt,
    version: document.version,
  };
}
