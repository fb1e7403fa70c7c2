import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import { areaView, type AreaView } from '../../application/area.view';
import { AREA_REPOSITORY, type AreaRepositoryPort } from '../../application/ports/area.repository.port';
import { AreaViewDto } from './get-area.dto';

@ApiTags('areas')
@Controller('areas')
export class GetAreaHttpController {
  constructor(@Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort) {}

  @Get(':id')
  @Requires('org:read')
  @ApiOperation({ summary: 'One area, if it is inside your subtree' })
  @ApiOkResponse({ type: AreaViewDto, description: 'The area' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<AreaView> {
    const area = await this.areas.findById(id.toUpperCase());
    if (!area) throw new NotFoundError('area', id);
    assertCan(principal, 'org:read', { areaId: area.id, ancestors: area.ancestors });
    return areaView(area);
  }
}
