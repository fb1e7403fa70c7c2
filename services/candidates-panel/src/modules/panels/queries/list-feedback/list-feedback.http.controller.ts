import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { FeedbackPageDto } from '../../application/panel-view';
import { ListFeedbackDto } from './list-feedback.dto';
import { ListFeedbackQuery } from './list-feedback.query';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class ListFeedbackHttpController {
  constructor(private readonly query: ListFeedbackQuery) {}

  @Get(':panelId/feedback')
  @AuditAs('feedback.read')
  @ApiOperation({
    summary:
      "Feedback recorded on a panel's prospects, oldest first (coordinator, national leadership; never collectors); audited",
  })
  @ApiOkResponse({ type: FeedbackPageDto, description: 'A page of feedback, text decrypted' })
  list(
    @Param('panelId') panelId: string,
    @Query() query: ListFeedbackDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.query.execute(panelId, query, principal);
  }
}
