import type { EventDefinition } from '../envelope/event-definition';
import type { TopicDefinition } from '../catalog/topic-definition';
import { MEETING_EVENTS } from './meeting.events';
import { MEETINGS_MEETING_TOPIC, MEETINGS_PHOTO_TOPIC, MEETINGS_QUOTA_TOPIC } from './meetings.topics';
import { PHOTO_EVENTS } from './photo.events';
import { QUOTA_EVENTS } from './quota.events';

export * from './meeting-kind';
export * from './meetings.topics';
export * from './meeting.events';
export * from './photo.events';
export * from './quota.events';

/** Topics owned by the meetings service. */
export const MEETINGS_TOPICS: TopicDefinition[] = [
  MEETINGS_MEETING_TOPIC,
  MEETINGS_PHOTO_TOPIC,
  MEETINGS_QUOTA_TOPIC,
];
/** Integration events of the meetings service. */
export const MEETINGS_EVENTS: EventDefinition[] = [
  ...MEETING_EVENTS,
  ...PHOTO_EVENTS,
  ...QUOTA_EVENTS,
] as EventDefinition[];
