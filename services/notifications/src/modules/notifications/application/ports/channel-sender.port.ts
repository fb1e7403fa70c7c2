import type { Channel, MessageContent, SendOutcome } from '../../domain/notification-message.entity';

/** Where one message goes on one channel: the member's address there. */
export type ChannelAddress = {
  email: string | null;
  phone: string | null;
  language: string;
  memberId: string;
};

/** One channel (e-mail, SMS, WhatsApp, inbox) behind one interface; adapters map provider answers to outcomes. */
export interface ChannelSenderPort {
  readonly channel: Channel;
  /** Null when this message can reach the member on this channel, else why not (no address, no provider template). */
  unusable(address: ChannelAddress, content: MessageContent): string | null;
  /** `messageId` travels to the provider as its reference, so a repeated call can be recognised there. */
  send(messageId: string, address: ChannelAddress, content: MessageContent): Promise<SendOutcome>;
}
/** All channel senders (multi-provider token). */
export const CHANNEL_SENDERS = Symbol('ChannelSenders');
