import { Injectable } from '@nestjs/common';
import type { ChannelAddress, ChannelSenderPort } from '../application/ports/channel-sender.port';
import type { MessageContent, SendOutcome } from '../domain/notification-message.entity';
import { postToProvider } from './provider-http';

/**
 * SMS through Gupshup's enterprise HTTP API (`GatewayAPI/rest`, `method=SendMessage`), with the DLT fields
 * TRAI requires (`principalEntityId`, `dltTemplateId`); Hindi goes as `Unicode_text`. `SMS_BASE_URL`,
 * `SMS_USER_ID`, `SMS_PASSWORD`, `SMS_DLT_ENTITY_ID`.
 */
@Injectable()
export class GupshupSmsChannel implements ChannelSenderPort {
  readonly channel = 'sms' as const;
  private readonly baseUrl = process.env.SMS_BASE_URL ?? 'http://127.0.0.1:3095';
  private readonly userId = process.env.SMS_USER_ID ?? 'local-user';
  private readonly password = process.env.SMS_PASSWORD ?? 'local-password';
  private readonly entityId = process.env.SMS_DLT_ENTITY_ID ?? '1101000000000000000';

  unusable(address: ChannelAddress, content: MessageContent): string | null {
    if (!content.dltTemplateId) return `template ${content.templateId} has no DLT template id`;
    return address.phone ? null : 'no phone number';
  }

  send(_messageId: string, address: ChannelAddress, content: MessageContent): Promise<SendOutcome> {
    const form = new URLSearchParams({
      method: 'SendMessage',
      send_to: address.phone!.replace(/^\+/, ''),
      msg: content.body,
      msg_type: /[^\u0000-\u007f]/.test(content.body) ? 'Unicode_text' : 'TEXT',
      userid: this.userId,
      password: this.password,
      auth_scheme: 'plain',
      v: '1.1',
      format: 'json',
      principalEntityId: this.entityId,
      dltTemplateId: content.dltTemplateId!,
    });
    return postToProvider(
      `${this.baseUrl}/GatewayAPI/rest`,
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
      (answer) => (answer as { response?: { id?: string } })?.response?.id ?? null,
    );
  }
}
