import { Injectable } from '@nestjs/common';
import { definitionKey } from '@sangathan/contracts';
import type { DeliveredEvent, IntegrationEventHandler } from '@sangathan/messaging';
import { ACTIVITY_SOURCES, latestActivity, type Activity } from '../domain/activity-sources';
import { LastActiveRepository } from '../infrastructure/last-active.repository';

/**
 * Keeps each member's `lastActiveAt` from the activity events of every service (meetings held
 * and attended, photos sent, training attended and completed, task progress). A batch folds into
 * one conditional write per member, so redelivered or reordered events change nothing.
 */
@Injectable()
export class MemberActivityConsumer implements IntegrationEventHandler {
  readonly subscribesTo = ACTIVITY_SOURCES.map((s) => s.definition);
  private readonly sources = new Map(
    ACTIVITY_SOURCES.map((s) => [definitionKey(s.definition.type, s.definition.version), s]),
  );

  constructor(private readonly lastActive: LastActiveRepository) {}

  async handleBatch(events: DeliveredEvent[]): Promise<void> {
    const activities: Activity[] = [];
    for (const { event } of events) {
      const source = this.sources.get(definitionKey(event.type, event.version));
      if (source) activities.push(...source.activities(event as never));
    }
    await this.lastActive.advance(latestActivity(activities));
  }
}
