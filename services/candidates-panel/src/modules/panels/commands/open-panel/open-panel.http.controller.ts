import { Body, Controller, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelViewDto, type PanelView } from '../../application/panel-view';
import { OpenPanelDto } from './open-panel.dto';
import { OpenPanelHandler } from './open-panel.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class OpenPanelHttpController {
  constructor(private readonly handler: OpenPanelHandler) {}

  @Post()
  @HttpCode(201)
  @AuditAs('panel.open')
  @ApiOperation({
    summary: "Open a seat's panel for an election cycle (its zone coordinator or national leadership)",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PanelViewDto, description: 'The panel; candidates.panel.opened is published' })
  open(
    @Body() body: OpenPanelDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PanelView> {
    return this.handler.execute(body, principal, requestContext(principal, req));
  }
}
