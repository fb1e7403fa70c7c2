import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { subtreeFilter } from '../../../../common/subtree';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import type { Coverage } from '../../domain/booth.entity';
import { BOOTH_REPOSITORY, type BoothRepositoryPort } from '../../application/ports/booth.repository.port';
import { CoverageDto } from './booth-coverage.dto';

export const coverageQuerySchema = z.object({
  under: z.string().min(1).max(64).optional().describe('Subtree root (default: your own area)'),
});
export class CoverageQueryDto extends createZodDto(coverageQuerySchema) {}

@ApiTags('booths')
@Controller('coverage')
export class BoothCoverageHttpController {
  constructor(
    @Inject(BOOTH_REPOSITORY) private readonly booths: BoothRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({
    summary: 'Committees formed, volunteers against target and WhatsApp groups for every booth of a subtree',
  })
  @ApiOkResponse({
    type: CoverageDto,
    description: 'Totals and shares over the booths of the subtree',
  })
  async coverage(
    @Query() query: CoverageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Coverage & { under: string }> {
    const filter = await subtreeFilter(
      principal,
      'org:read',
      query.under,
      async (id) => {
        const area = await this.areas.findById(id);
        return area ? { id: area.id, ancestors: area.ancestors } : null;
      },
      '_id',
    );
    return {
      under: (query.under ?? principal.areaId).toUpperCase(),
      ...(await this.booths.coverage(filter)),
    };
  }
}
