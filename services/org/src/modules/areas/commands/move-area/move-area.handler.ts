import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { ValidationError, NotFoundError } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import { toIntegrationEvents } from '../../application/area.integration-events';
import { areaView, type AreaView } from '../../application/area.view';
import { AREA_REPOSITORY, type AreaRepositoryPort } from '../../application/ports/area.repository.port';

@Injectable()
export class MoveAreaHandler {
  constructor(@Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort) {}

  async execute(
    id: string,
    parentId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<AreaView & { descendantCount: number }> {
    const loaded = await this.areas.load(id.trim().toUpperCase());
    if (!loaded) throw new NotFoundError('area', id);
    const parent = await this.areas.findById(parentId.trim().toUpperCase());
    if (!parent)
      throw new ValidationError('UNKNOWN_PARENT', `parent ${parentId} does not exist`, [
        { field: 'parentId', message: 'unknown area' },
      ]);
    const { area, version } = loaded;
    // Both where it is and where it goes must be inside the caller's subtree.
    assertCan(principal, 'org:write', { areaId: area.id, ancestors: area.ancestors });
    assertCan(principal, 'org:write', { areaId: parent.id, ancestors: parent.ancestors });
    const previousAncestors = area.ancestors;
    const event = area.moveTo({
      id: parent.id,
      level: parent.level,
      ancestors: parent.ancestors,
      lokSabhaId: parent.lokSabhaId,
    });
    if (!event) return { ...areaView(area), descendantCount: 0 };
    const descendantCount = await this.areas.countDescendants(area.id);
    await this.areas.move(
      area,
      version,
      previousAncestors,
      toIntegrationEvents([event], ctx, descendantCount),
    );
    return { ...areaView(area), descendantCount };
  }
}
