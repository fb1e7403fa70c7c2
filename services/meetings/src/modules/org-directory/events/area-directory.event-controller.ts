import { Controller, Inject } from '@nestjs/common';
import {
  AreaCreatedV1,
  AreaMovedV1,
  AreaReclassifiedV1,
  AreaUpdatedV1,
  type AreaSnapshot,
  type EventOf,
} from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import { AREA_DIRECTORY, type AreaDirectoryPort } from '../application/ports/area-directory.port';
import { AREA_REPATHER, type AreaRepatherPort } from '../application/ports/area-repather.port';

/**
 * Keeps the org-directory's areas, which meetings check areas and scope against, from every org.area.* event
 * (each carries the area's full snapshot). Idempotent: a snapshot applies only when its event is newer than the
 * last one applied. A move also re-paths the known areas below the moved one and the meetings and photos
 * stored under it.
 */
@Controller()
export class AreaDirectoryEventController {
  constructor(
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort,
    @Inject(AREA_REPATHER) private readonly repather: AreaRepatherPort,
  ) {}

  @OnEvent(AreaCreatedV1)
  async onAreaCreated(event: EventOf<typeof AreaCreatedV1>): Promise<void> {
    await this.apply(event.eventId, event.payload);
  }

  @OnEvent(AreaUpdatedV1)
  async onAreaUpdated(event: EventOf<typeof AreaUpdatedV1>): Promise<void> {
    await this.apply(event.eventId, event.payload);
  }

  @OnEvent(AreaReclassifiedV1)
  async onAreaReclassified(event: EventOf<typeof AreaReclassifiedV1>): Promise<void> {
    await this.apply(event.eventId, event.payload);
  }

  @OnEvent(AreaMovedV1)
  async onAreaMoved(event: EventOf<typeof AreaMovedV1>): Promise<void> {
    const { areaId, ancestors, previousAncestors } = event.payload;
    await this.apply(event.eventId, event.payload);
    // Re-pathing only moves what is still at the old path: a redelivered move (whose snapshot no longer
    // applies) completes a re-path a crash interrupted, and an older move after a newer one changes nothing.
    await this.areas.repathDescendants(areaId, ancestors, previousAncestors);
    await this.repather.repath(areaId, ancestors, previousAncestors);
  }

  private async apply(eventId: string, area: AreaSnapshot): Promise<void> {
    await this.areas.applySnapshot(area.areaId, eventId, {
      level: area.level,
      parentId: area.parentId,
      ancestors: area.ancestors,
      nameEn: area.nameEn,
      nameHi: area.nameHi,
    });
  }
}
