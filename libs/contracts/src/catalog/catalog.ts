import type { EventDefinition } from '../envelope/event-definition';
import { ORG_EVENTS } from '../org/area.events';
import { ORG_TOPICS } from '../org/org.topics';
import type { TopicDefinition } from './topic-definition';

/** Every topic the platform owns. Add a domain's topics here when its contracts land. */
export const TOPICS: readonly TopicDefinition[] = [...ORG_TOPICS];

/** Every integration event (type, version) the platform knows. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [...ORG_EVENTS] as EventDefinition[];
