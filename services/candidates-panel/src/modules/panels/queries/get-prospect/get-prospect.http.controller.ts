import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { createZodDto } from 'nestjs-zod';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { aggregateViewSchema, prospectViewSchema } from '../../application/panel-view';
import { GetProspectQuery } from './get-prospect.query';

class ProspectDetailDto extends createZodDto(prospectViewSchema.extend({ aggregate: aggregateViewSchema })) {}

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class GetProspectHttpController {
  constructor(private readonly query: GetProspectQuery) {}

  @Get(':panelId/prospects/:prospectId')
  @AuditAs('prospect.read')
  @ApiOperation({ summary: 'One prospect of a panel with its feedback aggregate; audited' })
  @ApiOkResponse({ type: ProspectDetailDto, description: 'The prospect, decrypted for the reader' })
  get(
    @Param('panelId') panelId: string,
    @Param('prospectId') prospectId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.query.execute(panelId, prospectId, principal);
  }
}
