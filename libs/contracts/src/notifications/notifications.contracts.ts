import { z } from 'zod';
import { DAY_MS, type TopicDefinition } from '../catalog/topic-definition';
import { defineEvent, type EventDefinition } from '../envelope/event-definition';

/*
 * What the notifications service did with each message it owed someone, for analytics and audit.
 * Ids and counts only: never the text, a phone number or an e-mail address.
 */

export const NOTIFICATIONS_MESSAGE_TOPIC = {
  name: 'notifications.message.events',
  description:
    'Each notification message: sent to a provider, delivered (inbox, or a provider receipt), or failed for good (key: messageId).',
  key: 'messageId',
  partitions: 3,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'notifications',
} as const satisfies TopicDefinition;

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'whatsapp', 'inbox'] as const;
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

const messageRef = {
  /** Message id (UUIDv7; also the message key). */
  messageId: z.string().min(1),
  /** Rule of the rule file that produced the message. */
  ruleId: z.string().min(1),
  /** Event that caused it (for a digest: the first event it summarises). */
  sourceEventId: z.string().min(1),
  /** Org member the message is for. */
  memberId: z.string().min(1),
  /** Area the message is about, and its ancestors (root first), for scoped audits. */
  areaId: z.string().min(1),
  ancestors: z.array(z.string().min(1)),
  /** Events the message stands for: 1, or the number a digest summarises. */
  itemCount: z.number().int().positive(),
};

export const NotificationSentV1 = defineEvent({
  type: 'notifications.message.sent',
  version: 1,
  topic: NOTIFICATIONS_MESSAGE_TOPIC.name,
  description: 'A provider accepted a message on a channel (SMTP relay, SMS gateway, WhatsApp).',
  payload: z.object({
    ...messageRef,
    channel: notificationChannelSchema,
    /** Attempts on this channel, this one included. */
    attempts: z.number().int().positive(),
    /** Channels tried before this one (fallbacks). */
    fallbacks: z.number().int().nonnegative(),
    sentAt: z.iso.datetime({ offset: true }),
  }),
});

export const NotificationDeliveredV1 = defineEvent({
  type: 'notifications.message.delivered',
  version: 1,
  topic: NOTIFICATIONS_MESSAGE_TOPIC.name,
  description:
    'A message reached the member: stored in their in-app inbox, or confirmed by a provider receipt.',
  payload: z.object({
    ...messageRef,
    channel: notificationChannelSchema,
    deliveredAt: z.iso.datetime({ offset: true }),
  }),
});

export const NotificationFailedV1 = defineEvent({
  type: 'notifications.message.failed',
  version: 1,
  topic: NOTIFICATIONS_MESSAGE_TOPIC.name,
  description:
    'A message could not be sent on any of its channels (`exhausted`), or the member has no channel it could use (`undeliverable`).',
  payload: z.object({
    ...messageRef,
    reason: z.enum(['exhausted', 'undeliverable']),
    /** Channels tried. */
    channelsTried: z.number().int().nonnegative(),
    /** Provider calls made over all channels. */
    attempts: z.number().int().nonnegative(),
    failedAt: z.iso.datetime({ offset: true }),
  }),
});

/** Topics owned by the notifications service. */
export const NOTIFICATIONS_TOPICS: TopicDefinition[] = [NOTIFICATIONS_MESSAGE_TOPIC];
/** Integration events of the notifications service. */
export const NOTIFICATIONS_EVENTS: EventDefinition[] = [
  NotificationSentV1,
  NotificationDeliveredV1,
  NotificationFailedV1,
] as EventDefinition[];
