import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { ProspectViewDto } from '../../application/panel-view';
import { AddProspectDto } from './add-prospect.dto';
import { AddProspectHandler } from './add-prospect.handler';

@ApiTags('panels')
@Controller('panels')
@UseInterceptors(PanelAuditInterceptor)
export class AddProspectHttpController {
  constructor(private readonly handler: AddProspectHandler) {}

  @Post(':panelId/prospects')
  @HttpCode(201)
  @AuditAs('prospect.add')
  @ApiOperation({
    summary:
      'Add a prospect to the panel: an org member of the zone (by id) or an outsider (the coordinator)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: ProspectViewDto,
    description: 'The prospect (no event: prospects stay inside)',
  })
  add(
    @Param('panelId') panelId: string,
    @Body() body: AddProspectDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.handler.execute(panelId, body, principal);
  }
}
