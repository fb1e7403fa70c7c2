import { MomentumChangedV1 } from '../analytics/analytics.contracts';
import { defineEvent } from '../envelope/event-definition';
import { ANALYST_MOMENTUM_TOPIC } from './analyst.topics';

export const AnalystMomentumChangedV1 = defineEvent({
  type: 'analyst.momentum.changed',
  version: 1,
  topic: ANALYST_MOMENTUM_TOPIC.name,
  description:
    "An area's momentum score as analytics published it (from analytics.momentum.changed; areas and scores only, so the payload is the same).",
  payload: MomentumChangedV1.payload,
});
