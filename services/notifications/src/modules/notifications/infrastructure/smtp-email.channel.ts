import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { ChannelAddress, ChannelSenderPort } from '../application/ports/channel-sender.port';
import type { MessageContent, SendOutcome } from '../domain/notification-message.entity';
import { providerTimeoutMs } from './provider-http';

/** E-mail over SMTP with nodemailer (`SMTP_URL`, e.g. `smtp://127.0.0.1:1025` for Mailpit; `NOTIFY_EMAIL_FROM`). */
@Injectable()
export class SmtpEmailChannel implements ChannelSenderPort, OnModuleDestroy {
  readonly channel = 'email' as const;
  private readonly transport: Transporter = createTransport(process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025', {
    pool: true,
    maxConnections: 5,
    connectionTimeout: providerTimeoutMs(),
    socketTimeout: providerTimeoutMs(),
  } as never);
  private readonly from = process.env.NOTIFY_EMAIL_FROM ?? 'Sangathan <notifications@sangathan.local>';

  unusable(address: ChannelAddress): string | null {
    return address.email ? null : 'no e-mail address';
  }

  async send(messageId: string, address: ChannelAddress, content: MessageContent): Promise<SendOutcome> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: address.email!,
        subject: content.subject,
        text: content.body,
        // The same Message-ID on a repeated send lets the receiving side recognise the duplicate.
        messageId: `<${messageId}@notifications.sangathan>`,
        headers: { 'X-Sangathan-Message-Id': messageId },
      });
      return { kind: 'accepted', providerMessageId: info.messageId ?? null, delivered: false };
    } catch (error) {
      const e = error as Error & { responseCode?: number };
      const reason = `SMTP ${e.responseCode ?? ''} ${e.message}`.trim();
      // 5xx replies are permanent (bad address, refused); 4xx and connection faults may pass later.
      return e.responseCode && e.responseCode >= 500
        ? { kind: 'permanent', reason }
        : { kind: 'retriable', reason };
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
