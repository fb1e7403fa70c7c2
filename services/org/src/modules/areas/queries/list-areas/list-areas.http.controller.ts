import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import type { AreaView } from '../../application/area.view';
import { ListAreasHandler } from './list-areas.handler';
import { AreaPageDto, ListAreasQueryDto } from './list-areas.dto';

@ApiTags('areas')
@Controller('areas')
export class ListAreasHttpController {
  constructor(private readonly handler: ListAreasHandler) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({
    summary:
      'Areas under a root in your subtree, by level, name prefix, Lok Sabha seat or seat class; cursor-paginated',
  })
  @ApiOkResponse({ type: AreaPageDto, description: 'One page of areas, ordered by code' })
  list(@Query() query: ListAreasQueryDto, @CurrentPrincipal() principal: Principal): Promise<Page<AreaView>> {
    return this.handler.execute(query, principal);
  }
}
