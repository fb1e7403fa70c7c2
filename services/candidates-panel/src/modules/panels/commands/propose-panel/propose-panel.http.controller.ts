import { Body, Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelViewDto, type PanelView } from '../../application/panel-view';
import { ProposePanelDto } from './propose-panel.dto';
import { ProposePanelHandler } from './propose-panel.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class ProposePanelHttpController {
  constructor(private readonly handler: ProposePanelHandler) {}

  @Post(':panelId/proposal')
  @HttpCode(200)
  @AuditAs('panel.propose')
  @ApiOperation({
    summary:
      "Set the ranked proposal: 1-3 of the panel's prospects, each with a written rationale (the coordinator)",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: PanelViewDto, description: 'The panel; candidates.panel.proposed is published' })
  handle(
    @Param('panelId') panelId: string,
    @Body() body: ProposePanelDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PanelView> {
    return this.handler.execute(panelId, body, principal, requestContext(principal, req));
  }
}
