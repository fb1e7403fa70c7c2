import type { EventDefinition } from '../envelope/event-definition';
import type { TopicDefinition } from '../catalog/topic-definition';

/** Topics owned by the meetings service. */
export const MEETINGS_TOPICS: TopicDefinition[] = [];
/** Integration events of the meetings service. */
export const MEETINGS_EVENTS: EventDefinition[] = [];
