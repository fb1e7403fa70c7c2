import { Injectable } from '@nestjs/common';
import type { ChannelSenderPort } from '../application/ports/channel-sender.port';
import type { SendOutcome } from '../domain/notification-message.entity';

/** The in-app inbox: the message document is the inbox entry, so reaching this channel is delivery. */
@Injectable()
export class InboxChannel implements ChannelSenderPort {
  readonly channel = 'inbox' as const;

  unusable(): string | null {
    return null;
  }

  send(): Promise<SendOutcome> {
    return Promise.resolve({ kind: 'accepted', providerMessageId: null, delivered: true });
  }
}
