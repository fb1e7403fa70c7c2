import type { EventDefinition } from '../envelope/event-definition';
import type { TopicDefinition } from '../catalog/topic-definition';

/** Streams the analytics service publishes for analysts and notifications. */
export const ANALYTICS_TOPICS: TopicDefinition[] = [];
/** Integration events of the analytics service. */
export const ANALYTICS_EVENTS: EventDefinition[] = [];
