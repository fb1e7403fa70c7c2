import { DAY_MS, type TopicDefinition } from '../catalog/topic-definition';

export const ORG_AREA_TOPIC = {
  name: 'org.area.events',
  description:
    'Lifecycle of areas of the hierarchy (national to booth): created, updated, reclassified, moved.',
  key: 'areaId',
  partitions: 3,
  retentionMs: -1, // read models of every service are rebuilt from it
  cleanupPolicy: 'delete',
  owner: 'org',
} as const satisfies TopicDefinition;

export const ORG_MEMBER_TOPIC = {
  name: 'org.member.events',
  description:
    'Members joining, changing, being deactivated or reactivated, and positions assigned or vacated (key: the member concerned).',
  key: 'memberId',
  partitions: 3,
  retentionMs: -1, // rosters of every service are rebuilt from it
  cleanupPolicy: 'delete',
  owner: 'org',
} as const satisfies TopicDefinition;

export const ORG_BOOTH_TOPIC = {
  name: 'org.booth.events',
  description:
    'Booth committees formed or changed, volunteers added or removed, WhatsApp groups (key: the booth area id).',
  key: 'boothId',
  partitions: 3,
  retentionMs: -1,
  cleanupPolicy: 'delete',
  owner: 'org',
} as const satisfies TopicDefinition;

export const ORG_TASK_TOPIC = {
  name: 'org.task.events',
  description:
    'Tasks leadership assigns to areas or positions: assigned, progressed, reviewed, completed, overdue (key: task id).',
  key: 'taskId',
  partitions: 3,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'org',
} as const satisfies TopicDefinition;

export { DAY_MS };
