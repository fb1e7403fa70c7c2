import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { NotFoundError, retryOnConcurrentChange } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import { toIntegrationEvents } from '../../application/area.integration-events';
import { areaView, type AreaView } from '../../application/area.view';
import { AREA_REPOSITORY, type AreaRepositoryPort } from '../../application/ports/area.repository.port';
import { checkLokSabhaLink } from '../create-area/create-area.handler';
import type { UpdateAreaDto } from './update-area.dto';

@Injectable()
export class UpdateAreaHandler {
  constructor(@Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort) {}

  execute(id: string, changes: UpdateAreaDto, principal: Principal, ctx: RequestContext): Promise<AreaView> {
    return retryOnConcurrentChange(() => this.executeOnce(id, changes, principal, ctx));
  }

  private async executeOnce(
    id: string,
    changes: UpdateAreaDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<AreaView> {
    const loaded = await this.areas.load(id.trim().toUpperCase());
    if (!loaded) throw new NotFoundError('area', id);
    const { area, version } = loaded;
    assertCan(principal, 'org:write', { areaId: area.id, ancestors: area.ancestors });
    const lokSabhaId = changes.lokSabhaId
      ? await checkLokSabhaLink(this.areas, changes.lokSabhaId)
      : changes.lokSabhaId;
    const event = area.update({ ...changes, lokSabhaId });
    if (event) {
      await this.areas.update(area, version, toIntegrationEvents([event], ctx));
    }
    return areaView(area);
  }
}
