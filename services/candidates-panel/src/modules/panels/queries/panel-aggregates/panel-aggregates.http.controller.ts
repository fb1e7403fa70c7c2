import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { AggregatesViewDto } from '../../application/panel-view';
import { PanelAggregatesQuery } from './panel-aggregates.query';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class PanelAggregatesHttpController {
  constructor(private readonly query: PanelAggregatesQuery) {}

  @Get(':panelId/aggregates')
  @AuditAs('aggregates.read')
  @ApiOperation({
    summary: 'Feedback aggregates per prospect: count, mean and spread per criterion, last recorded; audited',
  })
  @ApiOkResponse({ type: AggregatesViewDto, description: 'One entry per prospect of the panel' })
  get(@Param('panelId') panelId: string, @CurrentPrincipal() principal: Principal) {
    return this.query.execute(panelId, principal);
  }
}
