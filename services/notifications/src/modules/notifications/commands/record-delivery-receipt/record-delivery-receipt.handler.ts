import { Inject, Injectable, Logger } from '@nestjs/common';
import { lazyMeter } from '@sangathan/observability';
import { afterReceipt, currentChannel, type DeliveryReceipt } from '../../domain/notification-message.entity';
import { deliveryEvents } from '../../application/notifications.integration-events';
import { CLOCK_PORT, type ClockPort } from '../../application/ports/clock.port';
import { MESSAGE_PORT, type MessagePort } from '../../application/ports/message.port';

const meter = lazyMeter('notifications');
const receiptsCounter = meter.createCounter('notifications_receipts_total', {
  description:
    'Provider delivery receipts by channel and outcome (applied, unchanged, unknown, not-yet-recorded)',
});

/** One receipt as a provider reports it: our message id when the provider echoes it, else its own id. */
export type ProviderReceipt = DeliveryReceipt & { messageId: string | null; providerMessageId: string };

export type ReceiptOutcome = 'applied' | 'unchanged' | 'unknown' | 'not-yet-recorded';

export type ReceiptResult = {
  applied: number;
  unchanged: number;
  unknown: number;
  /** Receipts for sends whose outcome is still being recorded: the provider should deliver them again. */
  notYetRecorded: number;
};

/**
 * Applies providers' delivery receipts: a sent message becomes delivered, or, when the provider could not
 * deliver it, goes on to its next channel. A receipt repeated or arriving after the message moved on changes
 * nothing, so providers may deliver webhooks as often as they like.
 */
@Injectable()
export class RecordDeliveryReceiptHandler {
  private readonly logger = new Logger(RecordDeliveryReceiptHandler.name);

  constructor(
    @Inject(MESSAGE_PORT) private readonly messages: MessagePort,
    @Inject(CLOCK_PORT) private readonly clock: ClockPort,
  ) {}

  async execute(receipts: readonly ProviderReceipt[]): Promise<ReceiptResult> {
    const result: ReceiptResult = { applied: 0, unchanged: 0, unknown: 0, notYetRecorded: 0 };
    for (const receipt of receipts) {
      const outcome = await this.apply(receipt);
      receiptsCounter.add(1, { channel: receipt.channel, outcome });
      if (outcome === 'applied') result.applied++;
      else if (outcome === 'unchanged') result.unchanged++;
      else if (outcome === 'unknown') result.unknown++;
      else result.notYetRecorded++;
    }
    return result;
  }

  private async apply(receipt: ProviderReceipt): Promise<ReceiptOutcome> {
    const message =
      (receipt.messageId ? await this.messages.get(receipt.messageId) : null) ??
      (await this.messages.byProviderMessageId(receipt.providerMessageId));
    if (!message) {
      this.logger.warn(
        { channel: receipt.channel, providerMessageId: receipt.providerMessageId },
        'delivery receipt for no message of this service; ignored',
      );
      return 'unknown';
    }
    // The provider answered before this service recorded the send (the call's outcome is being written).
    if (message.state === 'queued' && currentChannel(message) === receipt.channel) return 'not-yet-recorded';
    const now = this.clock.now();
    const step = afterReceipt(message, receipt, now);
    if (!step) return 'unchanged';
    const applied = await this.messages.record(message, step, deliveryEvents(message, step, now), now, false);
    return applied ? 'applied' : 'not-yet-recorded';
  }
}
