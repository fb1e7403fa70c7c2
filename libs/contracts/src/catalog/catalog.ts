import type { EventDefinition } from '../envelope/event-definition';
import { ANALYST_EVENTS, ANALYST_TOPICS } from '../analyst/analyst.contracts';
import { ANALYTICS_EVENTS, ANALYTICS_TOPICS } from '../analytics/analytics.contracts';
import { CANDIDATES_EVENTS, CANDIDATES_TOPICS } from '../candidates/candidates.contracts';
import { MEETINGS_EVENTS, MEETINGS_TOPICS } from '../meetings/meetings.contracts';
import { NOTIFICATIONS_EVENTS, NOTIFICATIONS_TOPICS } from '../notifications/notifications.contracts';
import { ORG_EVENTS, ORG_TOPICS } from '../org/org.contracts';
import { TRAINING_EVENTS, TRAINING_TOPICS } from '../training/training.contracts';
import type { TopicDefinition } from './topic-definition';

/** Every topic the platform owns. Each domain lists its own in `<domain>/<domain>.contracts.ts`. */
export const TOPICS: readonly TopicDefinition[] = [
  ...ORG_TOPICS,
  ...MEETINGS_TOPICS,
  ...TRAINING_TOPICS,
  ...ANALYTICS_TOPICS,
  ...CANDIDATES_TOPICS,
  ...NOTIFICATIONS_TOPICS,
  ...ANALYST_TOPICS,
];

/** Every integration event (type, version) the platform knows. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [
  ...ORG_EVENTS,
  ...MEETINGS_EVENTS,
  ...TRAINING_EVENTS,
  ...ANALYTICS_EVENTS,
  ...CANDIDATES_EVENTS,
  ...NOTIFICATIONS_EVENTS,
  ...ANALYST_EVENTS,
] as EventDefinition[];
