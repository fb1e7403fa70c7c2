import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { NotFoundError, retryOnConcurrentChange } from '@sangathan/kernel';
import { OutboxRelay } from '@sangathan/messaging';
import type { RequestContext } from '../../../../common/request-context';
import { toIntegrationEvents } from '../../area-integration-events';
import { type AreaView, AreaMapper } from '../../infrastructure/area.mapper';
import { AREA_REPOSITORY, type AreaRepository } from '../../infrastructure/area.repository.port';
import type { ReclassifyAreaDto } from './reclassify-area.dto';

@Injectable()
export class ReclassifyAreaHandler {
  constructor(
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepository,
    private readonly outbox: OutboxRelay,
  ) {}

  execute(id: string, body: ReclassifyAreaDto, principal: Principal, ctx: RequestContext): Promise<AreaView> {
    return retryOnConcurrentChange(() => this.executeOnce(id, body, principal, ctx));
  }

  private async executeOnce(
    id: string,
    body: ReclassifyAreaDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<AreaView> {
    const loaded = await this.areas.load(id.trim().toUpperCase());
    if (!loaded) throw new NotFoundError('area', id);
    const { area, version } = loaded;
    assertCan(principal, 'org:write', { areaId: area.id, ancestors: area.ancestors });
    const event = area.reclassify(body.seatClass, body.lastMargin);
    if (event) {
      await this.areas.update(area, version, toIntegrationEvents([event], ctx));
      this.outbox.notify('areas', area.id);
    }
    return AreaMapper.toView(area);
  }
}
