import { Body, Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelViewDto, type PanelView } from '../../application/panel-view';
import { DesignateCollectorsDto } from './designate-collectors.dto';
import { DesignateCollectorsHandler } from './designate-collectors.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class DesignateCollectorsHttpController {
  constructor(private readonly handler: DesignateCollectorsHandler) {}

  @Post(':panelId/collectors')
  @HttpCode(200)
  @AuditAs('panel.designate-collectors')
  @ApiOperation({
    summary: 'Designate the members who collect feedback for the panel (the coordinator); starts collection',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: PanelViewDto,
    description: 'The panel; candidates.panel.collecting-started is published',
  })
  handle(
    @Param('panelId') panelId: string,
    @Body() body: DesignateCollectorsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PanelView> {
    return this.handler.execute(panelId, body, principal, requestContext(principal, req));
  }
}
