import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@sangathan/kernel';
import { CLOCK_PORT, type ClockPort } from '../../application/ports/clock.port';
import { MESSAGE_PORT, type MessagePort } from '../../application/ports/message.port';
import type { MarkReadResultDto } from './mark-read.dto';

/** Marks inbox messages read; every id must be a message of the caller's own inbox. */
@Injectable()
export class MarkReadHandler {
  constructor(
    @Inject(MESSAGE_PORT) private readonly messages: MessagePort,
    @Inject(CLOCK_PORT) private readonly clock: ClockPort,
  ) {}

  async execute(memberId: string, messageIds: string[] | 'all'): Promise<MarkReadResultDto> {
    if (messageIds !== 'all')
      for (const id of new Set(messageIds)) {
        const message = await this.messages.get(id);
        // Someone else's message is reported as missing: its existence is not the caller's business.
        if (
          !message ||
          message.memberId !== memberId ||
          !message.channels.includes('inbox') ||
          !['sent', 'delivered'].includes(message.state)
        )
          throw new NotFoundError('message', id);
      }
    const marked = await this.messages.markRead(memberId, messageIds, this.clock.now());
    return { marked, unreadCount: await this.messages.unreadCount(memberId) };
  }
}
