import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxCarrier } from '@sangathan/messaging';
import type { HydratedDocument } from 'mongoose';
import type { HistoryEntry, MessageContent } from '../domain/notification-message.entity';

/** One message to one member: its texts, channel order, delivery state and history, and its unpublished events. */
@Schema({ collection: 'messages', versionKey: false })
export class NotificationMessageDocument extends OutboxCarrier {
  @Prop({ type: String }) _id!: string;
  /** `<eventId>|<memberId>|<ruleId>` (or `digest|<digestId>`): the unique index makes redelivery and restarts harmless. */
  @Prop({ type: String, required: true }) dedupeKey!: string;
  @Prop({ type: String, required: true }) ruleId!: string;
  @Prop({ type: String, required: true }) sourceEventId!: string;
  @Prop({ type: String, required: true }) sourceEventType!: string;
  @Prop({ type: String, default: null }) subjectKey!: string | null;
  @Prop({ type: String, required: true }) memberId!: string;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, required: true }) language!: string;
  @Prop({ type: [String], required: true }) channels!: string[];
  @Prop({ type: Number, required: true }) channelIndex!: number;
  @Prop({ type: Number, required: true }) attempts!: number;
  @Prop({ type: Number, required: true }) totalAttempts!: number;
  @Prop({ type: Number, required: true }) itemCount!: number;
  @Prop({ type: String, required: true }) state!: string;
  @Prop({ type: Date, required: true }) dueAt!: Date;
  @Prop({ type: Object, required: true }) content!: MessageContent;
  @Prop({ type: Object, default: {} }) values!: Record<string, unknown>;
  /** The provider's id of the accepted send on the current channel (receipts name it). */
  @Prop({ type: String, default: null }) providerMessageId!: string | null;
  @Prop({ type: Date, default: null }) deliveredAt!: Date | null;
  @Prop({ type: [Object], default: [] }) history!: HistoryEntry[];
  @Prop({ type: Date, default: null }) readAt!: Date | null;
  @Prop({ type: Date, default: null }) sentAt!: Date | null;
  /** `exhausted` or `undeliverable` when failed. */
  @Prop({ type: String, default: null }) failReason!: string | null;
  @Prop({ type: Boolean, required: true }) inboxed!: boolean;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Number, required: true }) version!: number;
  /** Delivery lease: the replica sending it, until when. */
  @Prop({ type: String, default: null }) leaseOwner!: string | null;
  @Prop({ type: Date, default: null }) leaseUntil!: Date | null;
}
export type NotificationMessageHydrated = HydratedDocument<NotificationMessageDocument>;
export const NotificationMessageSchema = SchemaFactory.createForClass(NotificationMessageDocument);
NotificationMessageSchema.index({ dedupeKey: 1 }, { unique: true });
// The delivery poll: queued and due.
NotificationMessageSchema.index({ state: 1, dueAt: 1 });
// Cancellations and reschedules: queued reminders of a rule about a session or task. Every index is written
// on every change of a message (docs/notifications.md#throughput), so those that can be partial are.
NotificationMessageSchema.index(
  { subjectKey: 1, ruleId: 1, state: 1 },
  { partialFilterExpression: { subjectKey: { $type: 'string' } } },
);
// Inbox and history pages, newest first (ids are UUIDv7, so time-ordered).
NotificationMessageSchema.index({ memberId: 1, _id: -1 });
NotificationMessageSchema.index({ memberId: 1, inboxed: 1, state: 1, readAt: 1, _id: -1 });
// Delivery receipts: the provider names its own id. (History per event reads the dedupeKey index.)
NotificationMessageSchema.index(
  { providerMessageId: 1 },
  { partialFilterExpression: { providerMessageId: { $type: 'string' } } },
);
