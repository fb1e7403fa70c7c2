import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import { AreaGeo } from '../../domain/area-geo.value-object';
import { AREA_DIRECTORY, type AreaDirectoryPort } from '../../application/ports/area-directory.port';
import { AreaGeoSetDto, SetAreaGeoDto } from './set-area-geo.dto';

@ApiTags('areas')
@Controller('areas')
export class SetAreaGeoHttpController {
  constructor(@Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort) {}

  @Put(':id/geo')
  @Requires('meetings:write')
  @ApiOperation({
    summary: 'Set the bounding box or centroid+radius photos of this area are checked against',
  })
  @ApiOkResponse({ type: AreaGeoSetDto, description: 'The area and its geo as stored' })
  async set(@Param('id') id: string, @Body() body: SetAreaGeoDto, @CurrentPrincipal() principal: Principal) {
    const area = await this.areas.findById(id);
    if (!area) throw new NotFoundError('area', id);
    assertCan(principal, 'meetings:write', { areaId: area.id, ancestors: area.ancestors });
    const geo = body.geo ? AreaGeo.of(body.geo) : null;
    await this.areas.setGeo(area.id, geo);
    return { id: area.id, geo: geo?.props ?? null };
  }
}
