import { Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelViewDto, type PanelView } from '../../application/panel-view';
import { AnnouncePanelHandler } from './announce-panel.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class AnnouncePanelHttpController {
  constructor(private readonly handler: AnnouncePanelHandler) {}

  @Post(':panelId/announce')
  @HttpCode(200)
  @AuditAs('panel.announce')
  @ApiOperation({ summary: 'Announce the decided candidate (the president); publishes the chosen name only' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: PanelViewDto,
    description: 'The panel; candidates.panel.announced carries the chosen name',
  })
  handle(
    @Param('panelId') panelId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PanelView> {
    return this.handler.execute(panelId, principal, requestContext(principal, req));
  }
}
