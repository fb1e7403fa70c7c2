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
import { ORG_DIRECTORY, type OrgDirectoryPort } from '../application/ports/org-directory.port';

/**
 * Keeps the local area directory (plan areas, scope, size figures for targets, Lok Sabha
 * cross-links). Every area event carries the full snapshot, so each one is an idempotent upsert
 * guarded by event order. A move re-paths the subtree here too (org sends one event, not one per
 * descendant); re-pathing is a prefix rewrite, so replaying it changes nothing.
 */
@Controller()
export class AreaDirectoryEventController {
  constructor(@Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort) {}

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
    const { areaId, ancestors } = event.payload;
    await this.apply(event.eventId, event.payload);
    // Re-path while this move is the area's current place, redeliveries included (a crash between the
    // upsert and the re-path must not leave the subtree behind); a stale move, overtaken by a newer one,
    // must not pull the subtree back to where it was.
    const area = await this.directory.findArea(areaId);
    if (area && area.ancestors.join('/') === ancestors.join('/'))
      await this.directory.repathUnder(areaId, ancestors);
  }

  private async apply(eventId: string, area: AreaSnapshot): Promise<void> {
    await this.directory.applyArea(area.areaId, eventId, {
      level: area.level,
      parentId: area.parentId,
      ancestors: area.ancestors,
      nameEn: area.nameEn,
      nameHi: area.nameHi,
      lokSabhaId: area.lokSabhaId ?? null,
      boothCount: area.boothCount ?? null,
      voterCount: area.voterCount ?? null,
    });
  }
}
