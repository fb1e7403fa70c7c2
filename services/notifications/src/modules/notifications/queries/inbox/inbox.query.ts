import { Inject, Injectable } from '@nestjs/common';
import { MESSAGE_PORT, type MessagePort } from '../../application/ports/message.port';
import { toMessageView } from '../message-view.dto';
import type { InboxDto } from './inbox.dto';

@Injectable()
export class InboxQuery {
  constructor(@Inject(MESSAGE_PORT) private readonly messages: MessagePort) {}

  async run(memberId: string, unreadOnly: boolean, cursor: string | null, limit: number): Promise<InboxDto> {
    const [page, unreadCount] = await Promise.all([
      this.messages.inbox(memberId, unreadOnly, cursor, limit),
      this.messages.unreadCount(memberId),
    ]);
    return { unreadCount, items: page.items.map(toMessageView), nextCursor: page.nextCursor };
  }
}
