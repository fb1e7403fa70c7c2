import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { NotificationMessage } from '../domain/notification-message.entity';

const channel = z.enum(['email', 'sms', 'whatsapp', 'inbox']);

export const messageViewSchema = z.object({
  id: z.string().describe('Message id (UUIDv7)'),
  ruleId: z.string(),
  sourceEventId: z.string().describe('Event that caused it (the first one of a digest)'),
  sourceEventType: z.string(),
  memberId: z.string(),
  areaId: z.string(),
  language: z.string().describe('hi or en'),
  channels: z.array(channel).describe('Channel order; the message moves to the next when one fails'),
  currentChannel: channel.nullable(),
  state: z.enum(['queued', 'sent', 'delivered', 'failed', 'suppressed']),
  attempts: z.number().int().describe('Provider calls over all channels'),
  itemCount: z.number().int().describe('1, or the events a digest summarises'),
  dueAt: z.string().describe('When it is (or was) due to go out (ISO-8601)'),
  subject: z.string(),
  body: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
  history: z.array(
    z.object({
      at: z.string(),
      step: z
        .string()
        .describe('queued, retry, deferred, skipped, fallback, sent, delivered, failed, suppressed'),
      channel: channel.nullable(),
      detail: z.string(),
    }),
  ),
});
export class MessageViewDto extends createZodDto(messageViewSchema) {}

export const messagePageSchema = z.object({
  items: z.array(messageViewSchema),
  nextCursor: z.string().min(1).nullable().describe('Cursor of the next page, null on the last'),
});
export class MessagePageDto extends createZodDto(messagePageSchema) {}

export function toMessageView(m: NotificationMessage): z.infer<typeof messageViewSchema> {
  return {
    id: m.id,
    ruleId: m.ruleId,
    sourceEventId: m.sourceEventId,
    sourceEventType: m.sourceEventType,
    memberId: m.memberId,
    areaId: m.areaId,
    language: m.language,
    channels: m.channels,
    currentChannel: m.channels[m.channelIndex] ?? null,
    state: m.state,
    attempts: m.totalAttempts,
    itemCount: m.itemCount,
    dueAt: m.dueAt.toISOString(),
    subject: m.content.subject,
    body: m.content.body,
    read: m.readAt !== null,
    createdAt: m.createdAt.toISOString(),
    history: m.history.map((h) => ({
      at: new Date(h.at).toISOString(),
      step: h.step,
      channel: h.channel,
      detail: h.detail,
    })),
  };
}
