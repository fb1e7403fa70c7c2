import { Injectable } from '@nestjs/common';
import type { ChannelAddress, ChannelSenderPort } from '../application/ports/channel-sender.port';
import type { MessageContent, SendOutcome } from '../domain/notification-message.entity';
import { postToProvider } from './provider-http';

/**
 * WhatsApp Business Cloud API: an approved template message (`type: template`) with the template's variables
 * as body parameters, in the member's language. `WHATSAPP_BASE_URL` (Graph API host), `WHATSAPP_PHONE_NUMBER_ID`,
 * `WHATSAPP_TOKEN`.
 */
@Injectable()
export class WhatsappCloudChannel implements ChannelSenderPort {
  readonly channel = 'whatsapp' as const;
  private readonly baseUrl = process.env.WHATSAPP_BASE_URL ?? 'http://127.0.0.1:3095';
  private readonly phoneNumberId = process.env.WHATSAPP_PHONE_NUMBER_ID ?? 'local-phone-number-id';
  private readonly token = process.env.WHATSAPP_TOKEN ?? 'local-token';

  unusable(address: ChannelAddress, content: MessageContent): string | null {
    if (!content.whatsappTemplate) return `template ${content.templateId} has no approved WhatsApp template`;
    return address.phone ? null : 'no phone number';
  }

  send(messageId: string, address: ChannelAddress, content: MessageContent): Promise<SendOutcome> {
    if (!content.whatsappTemplate)
      return Promise.resolve({
        kind: 'permanent',
        reason: `template ${content.templateId} has no approved WhatsApp template`,
      });
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: address.phone!.replace(/^\+/, ''),
      type: 'template',
      // Echoed back in status webhooks: ties a receipt to this message.
      biz_opaque_callback_data: messageId,
      template: {
        name: content.whatsappTemplate!,
        language: { code: address.language === 'hi' ? 'hi' : 'en' },
        components: [
          { type: 'body', parameters: content.params.map((p) => ({ type: 'text', text: p.value })) },
        ],
      },
    };
    return postToProvider(
      `${this.baseUrl}/v21.0/${this.phoneNumberId}/messages`,
      {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify(body),
      },
      (answer) => (answer as { messages?: { id?: string }[] })?.messages?.[0]?.id ?? null,
    );
  }
}
