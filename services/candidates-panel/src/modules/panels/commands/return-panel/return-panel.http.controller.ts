import { Body, Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelViewDto, type PanelView } from '../../application/panel-view';
import { ReturnPanelDto } from './return-panel.dto';
import { ReturnPanelHandler } from './return-panel.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class ReturnPanelHttpController {
  constructor(private readonly handler: ReturnPanelHandler) {}

  @Post(':panelId/return')
  @HttpCode(200)
  @AuditAs('panel.return')
  @ApiOperation({
    summary: 'Return a submitted panel to its coordinator with comments (national leadership)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: PanelViewDto, description: 'The panel; candidates.panel.returned is published' })
  handle(
    @Param('panelId') panelId: string,
    @Body() body: ReturnPanelDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PanelView> {
    return this.handler.execute(panelId, body, principal, requestContext(principal, req));
  }
}
