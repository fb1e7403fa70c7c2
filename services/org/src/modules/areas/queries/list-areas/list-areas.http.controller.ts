import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { searchKey, ValidationError, type Page } from '@sangathan/kernel';
import { afterCursor, allOf, namePrefixFilter, toPage } from '../../../../common/subtree';
import { type AreaRow, type AreaView, AreaMapper } from '../../infrastructure/area.mapper';
import { AREA_REPOSITORY, type AreaRepository } from '../../infrastructure/area.repository.port';
import { ListAreasQueryDto } from './list-areas.dto';

/** Depth of a district (national > state > zone > district): from there down every level is indexed. */
const DISTRICT_DEPTH = 3;

/** What `namePrefixFilter`, `lokSabhaId` and `seatClass` select, as a predicate on a row. */
export function rowFilter(
  q: string | undefined,
  lokSabhaId: string | undefined,
  seatClass: string | undefined,
): (row: AreaRow) => boolean {
  const prefix = q ? searchKey(q) : '';
  return (row) =>
    (!prefix || (row.nameKeys ?? []).some((key) => key.startsWith(prefix))) &&
    (!lokSabhaId || row.lokSabhaId === lokSabhaId) &&
    (!seatClass || row.seatClass === seatClass);
}

@ApiTags('areas')
@Controller('areas')
export class ListAreasHttpController {
  constructor(@Inject(AREA_REPOSITORY) private readonly areas: AreaRepository) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({
    summary:
      'Areas under a root in your subtree, by level, name prefix, Lok Sabha seat or seat class; cursor-paginated',
  })
  async list(
    @Query() query: ListAreasQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<AreaView>> {
    const rootId = (query.under ?? principal.areaId).trim().toUpperCase();
    const root =
      rootId === principal.areaId
        ? { id: rootId, ancestors: principal.areaPath }
        : await this.areas.findById(rootId);
    if (!root)
      throw new ValidationError('UNKNOWN_AREA', `area ${rootId} does not exist`, [
        { field: 'under', message: 'unknown area' },
      ]);
    assertCan(principal, 'org:read', { areaId: root.id, ancestors: root.ancestors });
    const after = query.cursor ? (afterCursor(query.cursor)._id as { $gt: string }).$gt : undefined;
    if (!query.q && !query.lokSabhaId && !query.seatClass) {
      // The common case (a subtree, optionally one level): read through the subtree index, `_id` lookups only.
      return toPage(
        await this.areas.listSubtree(root, query.level, after, query.limit + 1),
        query.limit,
        AreaMapper.docToView,
      );
    }
    if (root.ancestors.length >= DISTRICT_DEPTH) {
      // A district or below (a few thousand areas): the same rows as the query below, filtered in memory.
      const matches = rowFilter(query.q, query.lokSabhaId?.toUpperCase(), query.seatClass);
      return toPage(
        await this.areas.listSubtree(root, query.level, after, query.limit + 1, matches),
        query.limit,
        AreaMapper.docToView,
      );
    }
    const filter = allOf(
      { ancestors: root.id },
      query.level ? { level: query.level } : {},
      query.lokSabhaId ? { lokSabhaId: query.lokSabhaId.toUpperCase() } : {},
      query.seatClass ? { seatClass: query.seatClass } : {},
      namePrefixFilter(query.q),
      afterCursor(query.cursor),
    );
    const rows = await this.areas.list(filter, query.limit + 1);
    return toPage(rows, query.limit, AreaMapper.docToView);
  }
}
