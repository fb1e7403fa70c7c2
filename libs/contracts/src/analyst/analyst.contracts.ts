import type { EventDefinition } from '../envelope/event-definition';
import { ANALYST_MEETING_EVENTS } from './analyst-meetings.events';
import { ANALYST_MEMBER_EVENTS } from './analyst-member.events';
import { AnalystMomentumChangedV1 } from './analyst-momentum.events';
import { ANALYST_TRAINING_EVENTS } from './analyst-training.events';

export * from './analyst.topics';
export * from './pseudonym';
export * from './analyst-member.events';
export * from './analyst-meetings.events';
export * from './analyst-training.events';
export * from './analyst-momentum.events';

/** Events on the analyst topics (stream-redactor publishes them). */
export const ANALYST_EVENTS: EventDefinition[] = [
  ...ANALYST_MEMBER_EVENTS,
  ...ANALYST_MEETING_EVENTS,
  ...ANALYST_TRAINING_EVENTS,
  AnalystMomentumChangedV1,
] as EventDefinition[];
