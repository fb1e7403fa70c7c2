import { DAY_MS, type TopicDefinition } from '../catalog/topic-definition';

export const ORG_AREA_TOPIC = {
  name: 'org.area.events',
  description: 'Lifecycle of areas of the hierarchy (national to booth): created, updated, reclassified, moved.',
  key: 'areaId',
  partitions: 3,
  retentionMs: -1, // read models of every service are rebuilt from it
  cleanupPolicy: 'delete',
  owner: 'org',
} as const satisfies TopicDefinition;

export const ORG_TOPICS: TopicDefinition[] = [ORG_AREA_TOPIC];
export { DAY_MS };
