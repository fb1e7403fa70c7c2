import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@sangathan/auth';
import { RecordDeliveryReceiptHandler, type ProviderReceipt } from './record-delivery-receipt.handler';
import { SmsDeliveryReportDto } from './sms-delivery-report.dto';
import { assertToken, smsWebhookToken } from './webhook-secrets';
import { ReceiptResultDto } from './whatsapp-webhook.dto';

@ApiTags('webhooks')
@Controller('webhooks/sms')
@Public()
export class SmsDeliveryReportHttpController {
  constructor(private readonly handler: RecordDeliveryReceiptHandler) {}

  @Get()
  @ApiOperation({
    summary:
      "Gupshup's delivery report (with the webhook token in the URL): SUCCESS marks the message delivered, FAILURE moves it to its next channel, UNKNOWN changes nothing",
  })
  @ApiOkResponse({ type: ReceiptResultDto })
  async receive(@Query() report: SmsDeliveryReportDto): Promise<ReceiptResultDto> {
    assertToken(report.token, smsWebhookToken(), 'token');
    if (report.status === 'UNKNOWN') return { applied: 0, unchanged: 1, unknown: 0, notYetRecorded: 0 };
    const why = [report.cause, report.errCode && `error ${report.errCode}`].filter(Boolean).join(', ');
    const receipt: ProviderReceipt = {
      channel: 'sms',
      messageId: null,
      providerMessageId: report.externalId,
      status: report.status === 'SUCCESS' ? 'delivered' : 'failed',
      detail:
        report.status === 'SUCCESS'
          ? `SMS delivered (${report.externalId})`
          : `SMS could not be delivered: ${why || 'no reason given'}`,
    };
    return this.handler.execute([receipt]);
  }
}
