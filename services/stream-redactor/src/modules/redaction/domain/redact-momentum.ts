import { AnalystMomentumChangedV1, type EventOf, type MomentumChangedV1 } from '@sangathan/contracts';
import { analystEvent, type AnalystEvent } from './analyst-event';

/** Areas and scores only: forwarded as it is, so analysts need no access to analytics' own topics. */
export function redactMomentumChanged(event: EventOf<typeof MomentumChangedV1>): AnalystEvent[] {
  return [analystEvent(AnalystMomentumChangedV1, event.payload, event.payload.areaId)];
}
