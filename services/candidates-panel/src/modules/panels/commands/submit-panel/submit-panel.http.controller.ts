import { Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelViewDto, type PanelView } from '../../application/panel-view';
import { SubmitPanelHandler } from './submit-panel.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class SubmitPanelHttpController {
  constructor(private readonly handler: SubmitPanelHandler) {}

  @Post(':panelId/submit')
  @HttpCode(200)
  @AuditAs('panel.submit')
  @ApiOperation({ summary: 'Submit the proposal (2 or 3 names) to leadership (the coordinator)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: PanelViewDto,
    description: 'The panel; candidates.panel.submitted is published (onTime against the deadline)',
  })
  handle(
    @Param('panelId') panelId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PanelView> {
    return this.handler.execute(panelId, principal, requestContext(principal, req));
  }
}
