import type { TopicDefinition } from '../catalog/topic-definition';
import type { EventDefinition } from '../envelope/event-definition';
import { ORG_AREA_EVENTS } from './area.events';
import { ORG_BOOTH_EVENTS } from './booth.events';
import { ORG_MEMBER_EVENTS } from './member.events';
import { ORG_AREA_TOPIC, ORG_BOOTH_TOPIC, ORG_MEMBER_TOPIC, ORG_TASK_TOPIC } from './org.topics';
import { ORG_TASK_EVENTS } from './task.events';

export * from './area-level';
export * from './org.topics';
export * from './area.events';
export * from './member.events';
export * from './booth.events';
export * from './task.events';

/** Topics owned by the org service. */
export const ORG_TOPICS: TopicDefinition[] = [
  ORG_AREA_TOPIC,
  ORG_MEMBER_TOPIC,
  ORG_BOOTH_TOPIC,
  ORG_TASK_TOPIC,
];
/** Integration events of the org service. */
export const ORG_EVENTS: EventDefinition[] = [
  ...ORG_AREA_EVENTS,
  ...ORG_MEMBER_EVENTS,
  ...ORG_BOOTH_EVENTS,
  ...ORG_TASK_EVENTS,
] as EventDefinition[];
