import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { POSITION_TYPES } from '@sangathan/contracts';
import { ForbiddenError, ValidationError } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { QuotaService } from '../../application/quota.service';
import { QuotaRuleDto } from './set-quota-rule.dto';

export const setQuotaRuleSchema = z
  .object({
    minMeetings: z.number().int().min(1).max(50),
    targetMeetings: z.number().int().min(1).max(50),
    photoRequired: z.boolean().default(true),
    countedKinds: z.array(z.string()).max(10).default([]).describe('Meeting kinds that count (empty: all)'),
    active: z.boolean().default(true).describe('false switches the quota off for this position type'),
  })
  .refine((r) => r.targetMeetings >= r.minMeetings, {
    message: 'targetMeetings must be ≥ minMeetings',
    path: ['targetMeetings'],
  });
export class SetQuotaRuleDto extends createZodDto(setQuotaRuleSchema) {}

@ApiTags('quotas')
@Controller('quota-rules')
export class SetQuotaRuleHttpController {
  constructor(private readonly quotas: QuotaService) {}

  @Put(':positionType')
  @Requires('meetings:write')
  @ApiOperation({
    summary: 'Set the daily meeting quota of a position type (state or national leadership only)',
  })
  @ApiOkResponse({ type: QuotaRuleDto, description: 'The rule as stored' })
  async set(
    @Param('positionType') positionType: string,
    @Body() body: SetQuotaRuleDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!principal.roles.some((r) => r === 'national-admin' || r === 'state-leader')) {
      throw new ForbiddenError('PERMISSION_DENIED', 'only state or national leadership sets quotas', [
        { message: 'requires state-leader or national-admin' },
      ]);
    }
    if (!(POSITION_TYPES as readonly string[]).includes(positionType)) {
      throw new ValidationError('UNKNOWN_POSITION_TYPE', `${positionType} is not a position type`, [
        { field: 'positionType', message: `one of ${POSITION_TYPES.join(', ')}` },
      ]);
    }
    await this.quotas.setRule({ positionType, ...body });
    return { positionType, ...body };
  }
}
