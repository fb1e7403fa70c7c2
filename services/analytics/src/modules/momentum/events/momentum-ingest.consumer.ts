import { Injectable } from '@nestjs/common';
import type { DeliveredEvent, IntegrationEventHandler } from '@sangathan/messaging';
import { MOMENTUM_SUBSCRIPTIONS, MomentumService } from '../infrastructure/momentum.service';

/**
 * Folds the hierarchy and every activity source of the mapping table into the momentum state,
 * one consumed batch at a time (exactly once: see MomentumEngine).
 */
@Injectable()
export class MomentumIngestConsumer implements IntegrationEventHandler {
  readonly subscribesTo = MOMENTUM_SUBSCRIPTIONS;

  constructor(private readonly momentum: MomentumService) {}

  handleBatch(events: DeliveredEvent[]): Promise<void> {
    return this.momentum.ingest(events);
  }
}
