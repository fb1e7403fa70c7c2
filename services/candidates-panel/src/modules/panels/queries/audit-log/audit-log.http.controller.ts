import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { AuditAs, PanelAuditInterceptor } from '../../application/panel-audit.interceptor';
import { AuditLogPageDto, AuditLogQueryDto } from './audit-log.dto';
import { AuditLogQuery } from './audit-log.query';

/** Read-only on purpose: the audit log has no route that changes or removes an entry. */
@ApiTags('audit')
@Controller('panel-audit')
@UseInterceptors(PanelAuditInterceptor)
export class AuditLogHttpController {
  constructor(private readonly query: AuditLogQuery) {}

  @Get()
  @AuditAs('audit.read')
  @ApiOperation({
    summary:
      'The append-only audit log of panel reads and refused attempts (national leadership only); audited itself',
  })
  @ApiOkResponse({ type: AuditLogPageDto, description: 'Entries oldest first' })
  list(@Query() query: AuditLogQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.query.execute(query, principal);
  }
}
