import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { AreaLevel } from '@sangathan/contracts';
import { NotFoundError } from '@sangathan/kernel';
import { AREA_REPOSITORY, type AreaRepositoryPort } from '../../application/ports/area.repository.port';
import { AreaCountsDto } from './area-counts.dto';

@ApiTags('areas')
@Controller('areas')
export class AreaCountsHttpController {
  constructor(@Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort) {}

  @Get(':id/counts')
  @Requires('org:read')
  @ApiOperation({ summary: 'How many areas of each level lie under an area' })
  @ApiOkResponse({ type: AreaCountsDto, description: 'Counts per level' })
  async counts(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ areaId: string; counts: Partial<Record<AreaLevel, number>> }> {
    const area = await this.areas.findById(id.toUpperCase());
    if (!area) throw new NotFoundError('area', id);
    assertCan(principal, 'org:read', { areaId: area.id, ancestors: area.ancestors });
    return { areaId: area.id, counts: await this.areas.countByLevel(area.id) };
  }
}
