import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { ValidationError } from '@sangathan/kernel';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  AREA_DIRECTORY,
  type AreaDirectoryPort,
} from '../../../org-directory/application/ports/area-directory.port';
import { correlationIdOf } from '../../../meetings/application/request-context';
import { QuotaService } from '../../application/quota.service';
import { DayEvaluationDto } from './evaluate-day.dto';

export const evaluateDaySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD (IST)'),
  areaId: z.string().trim().toUpperCase().min(1).optional().describe('Subtree (default: your area)'),
});
export class EvaluateDayDto extends createZodDto(evaluateDaySchema) {}

@ApiTags('quotas')
@Controller('quotas/evaluations')
export class EvaluateDayHttpController {
  constructor(
    private readonly quotas: QuotaService,
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort,
  ) {}

  @Post()
  @HttpCode(200)
  @Requires('meetings:write')
  @ApiOperation({
    summary:
      'Run the daily quota check for a day now (the job runs it every day for yesterday); publishes meetings.quota.missed once per holder and day',
  })
  @ApiOkResponse({ type: DayEvaluationDto, description: 'What the check found' })
  async evaluate(
    @Body() body: EvaluateDayDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ) {
    const area = await this.areas.findById(body.areaId ?? principal.areaId);
    if (!area)
      throw new ValidationError('UNKNOWN_AREA', `area ${body.areaId ?? principal.areaId} is unknown`, [
        { field: 'areaId', message: 'unknown area' },
      ]);
    assertCan(principal, 'meetings:write', { areaId: area.id, ancestors: area.ancestors });
    return this.quotas.evaluateDay(body.day, area.id, correlationIdOf(req));
  }
}
