import {
  createEvent,
  NotificationDeliveredV1,
  NotificationFailedV1,
  NotificationSentV1,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import type { DeliveryStep, NotificationMessage } from '../domain/notification-message.entity';

/** The events a delivery step publishes: ids and counts, never the text or an address. */
export function deliveryEvents(message: NotificationMessage, step: DeliveryStep, now: Date): OutboxEntry[] {
  const ctx = {
    producer: 'notifications',
    areaId: message.areaId,
    areaPath: message.ancestors,
    actorId: null,
    correlationId: message.sourceEventId,
    causationId: message.sourceEventId,
  };
  const ref = {
    messageId: message.id,
    ruleId: message.ruleId,
    sourceEventId: message.sourceEventId,
    memberId: message.memberId,
    areaId: message.areaId,
    ancestors: message.ancestors,
    itemCount: message.itemCount,
  };
  const at = now.toISOString();
  if (step.kind === 'sent') {
    const entries = [
      toOutboxEntry(
        createEvent(
          NotificationSentV1,
          {
            ...ref,
            channel: step.channel,
            attempts: message.attempts + 1,
            fallbacks: message.channelIndex,
            sentAt: at,
          },
          ctx,
        ),
        NotificationSentV1.topic,
        message.id,
      ),
    ];
    if (step.delivered)
      entries.push(
        toOutboxEntry(
          createEvent(NotificationDeliveredV1, { ...ref, channel: step.channel, deliveredAt: at }, ctx),
          NotificationDeliveredV1.topic,
          message.id,
        ),
      );
    return entries;
  }
  if (step.kind === 'delivered')
    return [
      toOutboxEntry(
        createEvent(NotificationDeliveredV1, { ...ref, channel: step.channel, deliveredAt: at }, ctx),
        NotificationDeliveredV1.topic,
        message.id,
      ),
    ];
  if (step.kind === 'failed') {
    const attempted = step.history.some((h) => h.step === 'failed' && h.channel !== null);
    return [
      toOutboxEntry(
        createEvent(
          NotificationFailedV1,
          {
            ...ref,
            reason: step.reason,
            channelsTried: message.channelIndex + 1,
            attempts: message.totalAttempts + (attempted ? 1 : 0),
            failedAt: at,
          },
          ctx,
        ),
        NotificationFailedV1.topic,
        message.id,
      ),
    ];
  }
  return [];
}
