import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@sangathan/auth';
import { UnavailableError } from '@sangathan/kernel';
import type { Request } from 'express';
import { RecordDeliveryReceiptHandler, type ProviderReceipt } from './record-delivery-receipt.handler';
import { assertToken, assertWhatsappSignature, whatsappVerifyToken } from './webhook-secrets';
import {
  ReceiptResultDto,
  WhatsappVerificationDto,
  WhatsappWebhookDto,
  type WhatsappStatus,
} from './whatsapp-webhook.dto';

/** Checks Meta's signature over the raw body before anything reads it. */
class WhatsappSignatureGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    assertWhatsappSignature(request.rawBody, request.header('x-hub-signature-256'));
    return true;
  }
}

function toReceipt(status: WhatsappStatus): ProviderReceipt | null {
  const base = {
    channel: 'whatsapp' as const,
    messageId: status.biz_opaque_callback_data ?? null,
    providerMessageId: status.id,
  };
  if (status.status === 'delivered' || status.status === 'read')
    return { ...base, status: 'delivered', detail: `WhatsApp ${status.status} (${status.id})` };
  if (status.status === 'failed') {
    const error = status.errors?.[0];
    const why = error ? `${error.code ?? ''} ${error.title ?? ''}`.trim() : 'no reason given';
    return { ...base, status: 'failed', detail: `WhatsApp could not deliver: ${why}` };
  }
  return null;
}

@ApiTags('webhooks')
@Controller('webhooks/whatsapp')
@Public()
export class WhatsappWebhookHttpController {
  constructor(private readonly handler: RecordDeliveryReceiptHandler) {}

  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: "Meta's subscription check: answers the challenge when the verify token matches" })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The challenge, as sent' })
  verify(@Query() query: WhatsappVerificationDto): string {
    assertToken(query['hub.verify_token'], whatsappVerifyToken(), 'hub.verify_token');
    return query['hub.challenge'];
  }

  @Post()
  @HttpCode(200)
  @UseGuards(WhatsappSignatureGuard)
  @ApiOperation({
    summary:
      'WhatsApp status webhook (signed with the app secret): delivered and read mark the message delivered, failed moves it to its next channel; 503 asks Meta to deliver again when a send is still being recorded',
  })
  @ApiOkResponse({ type: ReceiptResultDto })
  async receive(@Body() body: WhatsappWebhookDto): Promise<ReceiptResultDto> {
    const receipts = body.entry
      .flatMap((entry) => entry.changes)
      .flatMap((change) => change.value.statuses ?? [])
      .map(toReceipt)
      .filter((receipt): receipt is ProviderReceipt => receipt !== null);
    const result = await this.handler.execute(receipts);
    if (result.notYetRecorded > 0)
      throw new UnavailableError(
        'RECEIPT_TOO_EARLY',
        'a send this receipt names is still being recorded; deliver again',
        [{ message: `${result.notYetRecorded} receipt(s) not yet applicable` }],
      );
    return result;
  }
}
