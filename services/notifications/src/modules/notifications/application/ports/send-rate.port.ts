import type { Channel } from '../../domain/notification-message.entity';

/**
 * A provider's send rate, shared by every replica of the service: `acquire` resolves when this replica may
 * make one more call on the channel.
 */
export interface SendRatePort {
  acquire(channel: Channel): Promise<void>;
}
export const SEND_RATE_PORT = Symbol('SendRatePort');
