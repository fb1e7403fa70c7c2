import { Body, Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { FeedbackReceiptDto, RecordFeedbackDto } from './record-feedback.dto';
import { RecordFeedbackHandler } from './record-feedback.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class RecordFeedbackHttpController {
  constructor(private readonly handler: RecordFeedbackHandler) {}

  @Post(':panelId/feedback')
  @HttpCode(201)
  @AuditAs('feedback.record')
  @ApiOperation({
    summary:
      'Record structured feedback on a prospect (designated collectors and the coordinator): source, ratings 1-5 on four criteria, free text',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: FeedbackReceiptDto,
    description: 'A receipt; candidates.panel.feedback-recorded is published',
  })
  record(
    @Param('panelId') panelId: string,
    @Body() body: RecordFeedbackDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ) {
    return this.handler.execute(panelId, body, principal, requestContext(principal, req));
  }
}
