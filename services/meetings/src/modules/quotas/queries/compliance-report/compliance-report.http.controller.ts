import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { ValidationError } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  AREA_DIRECTORY,
  type AreaDirectoryPort,
} from '../../../org-directory/application/ports/area-directory.port';
import { istDaysBetween } from '../../../meetings/domain/ist-day';
import { QuotaService } from '../../application/quota.service';
import { ComplianceReportDto } from './compliance-report.dto';
import { complianceReport } from './compliance-report.query';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const complianceSchema = z.object({
  areaId: z.string().trim().toUpperCase().min(1).optional().describe('Subtree root (default: your area)'),
  from: day,
  to: day.describe('Inclusive; at most 31 days after from'),
});
class ComplianceQuery extends createZodDto(complianceSchema) {}

@ApiTags('quotas')
@Controller('quotas/compliance')
export class ComplianceReportHttpController {
  constructor(
    private readonly quotas: QuotaService,
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort,
  ) {}

  @Get()
  @Requires('meetings:read')
  @ApiOperation({
    summary:
      'Daily-quota compliance of position holders in a subtree over IST days: who met it, who fell short, who sent no photos',
  })
  @ApiOkResponse({ type: ComplianceReportDto, description: 'The report, each holder named' })
  async report(@Query() query: ComplianceQuery, @CurrentPrincipal() principal: Principal) {
    const areaId = query.areaId ?? principal.areaId;
    const area = await this.areas.findById(areaId);
    if (!area)
      throw new ValidationError('UNKNOWN_AREA', `area ${areaId} is unknown`, [
        { field: 'areaId', message: 'unknown area' },
      ]);
    assertCan(principal, 'meetings:read', { areaId: area.id, ancestors: area.ancestors });
    const days = query.from <= query.to ? istDaysBetween(query.from, query.to) : [];
    if (days.length === 0 || days.length > 31)
      throw new ValidationError('INVALID_RANGE', 'the range must be 1 to 31 days with from ≤ to', [
        { field: 'to', message: 'invalid range' },
      ]);
    const holders = await this.quotas.compliance(area.id, days);
    return { areaId: area.id, from: query.from, to: query.to, ...complianceReport(holders) };
  }
}
