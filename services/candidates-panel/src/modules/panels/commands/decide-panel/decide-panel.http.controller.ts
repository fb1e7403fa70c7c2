import { Body, Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelViewDto, type PanelView } from '../../application/panel-view';
import { DecidePanelDto } from './decide-panel.dto';
import { DecidePanelHandler } from './decide-panel.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class DecidePanelHttpController {
  constructor(private readonly handler: DecidePanelHandler) {}

  @Post(':panelId/decision')
  @HttpCode(200)
  @AuditAs('panel.decide')
  @ApiOperation({
    summary:
      'Seal one name of a submitted panel (the president only; a person is decided for at most one seat per cycle)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: PanelViewDto,
    description: 'The panel; candidates.panel.decided is published without the name',
  })
  handle(
    @Param('panelId') panelId: string,
    @Body() body: DecidePanelDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PanelView> {
    return this.handler.execute(panelId, body, principal, requestContext(principal, req));
  }
}
