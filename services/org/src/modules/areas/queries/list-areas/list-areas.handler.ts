import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { ValidationError, type Page } from '@sangathan/kernel';
import { afterCursor, toPage } from '../../../../common/subtree';
import { areaView, type AreaView } from '../../application/area.view';
import { AREA_REPOSITORY, type AreaRepositoryPort } from '../../application/ports/area.repository.port';
import type { ListAreasQueryDto } from './list-areas.dto';

@Injectable()
export class ListAreasHandler {
  constructor(@Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort) {}

  /** One page of the areas under `under` (default: the caller's own area), which must lie in the caller's scope. */
  async execute(query: ListAreasQueryDto, principal: Principal): Promise<Page<AreaView>> {
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
    const after = afterCursor(query.cursor)._id as { $gt: string } | undefined;
    const filter = {
      level: query.level,
      q: query.q,
      lokSabhaId: query.lokSabhaId?.toUpperCase(),
      seatClass: query.seatClass,
    };
    const rows = await this.areas.listSubtree(root.id, filter, after?.$gt, query.limit + 1);
    return toPage(rows, query.limit, areaView);
  }
}
