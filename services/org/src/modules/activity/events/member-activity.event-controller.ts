import { Controller, Inject } from '@nestjs/common';
import { definitionKey } from '@sangathan/contracts';
import { OnEventBatch, type DeliveredEvent } from '@sangathan/messaging';
import { ACTIVITY_SOURCES, latestActivity, type Activity } from '../application/activity-sources';
import {
  LAST_ACTIVE_REPOSITORY,
  type LastActiveRepositoryPort,
} from '../application/ports/last-active.repository.port';

const SOURCES = new Map(
  ACTIVITY_SOURCES.map((s) => [definitionKey(s.definition.type, s.definition.version), s]),
);

/**
 * Keeps each member's `lastActiveAt` from the activity events of every service (meetings held
 * and attended, photos sent, training attended and completed, task progress). A poll folds into
 * one conditional write per member, so redelivered or reordered events change nothing.
 */
@Controller()
export class MemberActivityEventController {
  constructor(@Inject(LAST_ACTIVE_REPOSITORY) private readonly lastActive: LastActiveRepositoryPort) {}

  @OnEventBatch(...ACTIVITY_SOURCES.map((s) => s.definition))
  async onActivity(events: DeliveredEvent[]): Promise<void> {
    const activities: Activity[] = [];
    for (const { event } of events) {
      const source = SOURCES.get(definitionKey(event.type, event.version));
      if (source) activities.push(...source.activities(event));
    }
    await this.lastActive.advance(latestActivity(activities));
  }
}
