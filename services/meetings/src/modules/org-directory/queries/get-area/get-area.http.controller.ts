import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import { AREA_DIRECTORY, type AreaDirectoryPort } from '../../application/ports/area-directory.port';
import { KnownAreaDto } from './get-area.dto';

@ApiTags('areas')
@Controller('areas')
export class GetAreaHttpController {
  constructor(@Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort) {}

  @Get(':id')
  @Requires('meetings:read')
  @ApiOperation({
    summary: 'An area as the meetings service knows it (from org events), with its geo if set',
  })
  @ApiOkResponse({ type: KnownAreaDto, description: 'The area' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const area = await this.areas.findById(id);
    if (!area) throw new NotFoundError('area', id);
    assertCan(principal, 'meetings:read', { areaId: area.id, ancestors: area.ancestors });
    return { ...area, geo: area.geo?.props ?? null };
  }
}
