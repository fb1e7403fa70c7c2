import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { LeadershipOverviewDto, LeadershipOverviewPageDto } from './leadership-overview.dto';
import { LeadershipOverviewQuery } from './leadership-overview.query';

@ApiTags('panels')
@Controller('panel-overview')
@UseInterceptors(PanelAuditInterceptor)
export class LeadershipOverviewHttpController {
  constructor(private readonly query: LeadershipOverviewQuery) {}

  @Get()
  @AuditAs('overview.read')
  @ApiOperation({
    summary:
      'Leadership overview of the panels in your subtree: status, deadline, late, returned (no names); audited',
  })
  @ApiOkResponse({ type: LeadershipOverviewPageDto, description: 'Panels ordered by id' })
  list(@Query() query: LeadershipOverviewDto, @CurrentPrincipal() principal: Principal) {
    return this.query.execute(query, principal);
  }
}
