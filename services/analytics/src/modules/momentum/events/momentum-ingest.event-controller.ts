import { Controller } from '@nestjs/common';
import { OnEventBatch, type DeliveredEvent } from '@sangathan/messaging';
import { MOMENTUM_SUBSCRIPTIONS } from '../application/momentum-settings';
import { MomentumService } from '../application/momentum.service';

/**
 * Folds the hierarchy and every activity source of the mapping table into the momentum state,
 * one consumed batch at a time (exactly once: see MomentumEngine).
 */
@Controller()
export class MomentumIngestEventController {
  constructor(private readonly momentum: MomentumService) {}

  @OnEventBatch(...MOMENTUM_SUBSCRIPTIONS)
  ingest(events: DeliveredEvent[]): Promise<void> {
    return this.momentum.ingest(events);
  }
}
