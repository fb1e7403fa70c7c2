import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { positionTypeSchema } from '@sangathan/contracts';
import { pageQuerySchema } from '@sangathan/http';
import { NotFoundError, type Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { afterCursor, allConditions, subtreeFilter, toPage } from '../../../../common/subtree';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { parsePositionType } from '../../commands/assign-position/assign-position.handler';
import { positionId } from '../../domain/position.entity';
import { positionView, type PositionView } from '../../application/member.view';
import {
  POSITION_REPOSITORY,
  type PositionRepositoryPort,
} from '../../application/ports/member.repository.port';
import { PositionPageDto, PositionViewDto } from './positions.dto';

export const listPositionsQuerySchema = pageQuerySchema.extend({
  under: z.string().min(1).max(64).optional().describe('Subtree root (default: your own area)'),
  type: positionTypeSchema.optional(),
  vacant: z.enum(['true', 'false']).optional().describe('Only vacant (true) or held (false) positions'),
});
export class ListPositionsQueryDto extends createZodDto(listPositionsQuerySchema) {}

@ApiTags('positions')
@Controller('positions')
export class PositionsHttpController {
  constructor(
    @Inject(POSITION_REPOSITORY) private readonly positions: PositionRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({ summary: 'Positions of a subtree (filled or vacant), cursor-paginated' })
  @ApiOkResponse({ type: PositionPageDto, description: 'One page of positions' })
  async list(
    @Query() query: ListPositionsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PositionView>> {
    const scope = await subtreeFilter(principal, 'org:read', query.under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    const filter = allConditions(
      scope,
      query.type ? { type: query.type } : {},
      query.vacant === 'true'
        ? { holderId: null }
        : query.vacant === 'false'
          ? { holderId: { $ne: null } }
          : {},
      afterCursor(query.cursor),
    );
    return toPage(await this.positions.list(filter, query.limit + 1), query.limit, positionView);
  }

  @Get(':type/:areaId')
  @Requires('org:read')
  @ApiOperation({ summary: 'One position with its current holder and every past tenure' })
  @ApiOkResponse({ type: PositionViewDto, description: 'The position' })
  async get(
    @Param('type') type: string,
    @Param('areaId') areaId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PositionView> {
    const id = positionId(parsePositionType(type), areaId.trim().toUpperCase());
    const loaded = await this.positions.load(id);
    if (!loaded) throw new NotFoundError('position', id);
    assertCan(principal, 'org:read', {
      areaId: loaded.value.snapshot.areaId,
      ancestors: loaded.value.snapshot.ancestors,
    });
    return positionView(loaded.value);
  }
}
