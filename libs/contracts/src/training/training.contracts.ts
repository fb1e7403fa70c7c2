import type { EventDefinition } from '../envelope/event-definition';
import type { TopicDefinition } from '../catalog/topic-definition';

/** Topics owned by the training-events service. */
export const TRAINING_TOPICS: TopicDefinition[] = [];
/** Integration events of the training-events service. */
export const TRAINING_EVENTS: EventDefinition[] = [];
