import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { PanelDetailDto } from '../../application/panel-view';
import { GetPanelQuery } from './get-panel.query';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class GetPanelHttpController {
  constructor(private readonly query: GetPanelQuery) {}

  @Get(':panelId')
  @AuditAs('panel.read')
  @ApiOperation({
    summary:
      "A panel with its prospects and feedback aggregates (the seat's zone coordinator, national leadership); audited",
  })
  @ApiOkResponse({ type: PanelDetailDto, description: 'The panel, decrypted for the reader' })
  get(@Param('panelId') panelId: string, @CurrentPrincipal() principal: Principal) {
    return this.query.execute(panelId, principal);
  }
}
