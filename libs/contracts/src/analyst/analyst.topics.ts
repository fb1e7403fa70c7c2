import { DAY_MS, type TopicDefinition } from '../catalog/topic-definition';

/*
 * Topics for analysts: `analyst.<domain>.<aggregate>`, written by stream-redactor from the services' internal
 * topics. They carry ids of areas, meetings and sessions, counts, dates, scores and pseudonymous member keys,
 * never names, phone numbers, free text or member ids (docs/streams.md). The broker lets the analyst principal
 * read these and nothing else.
 */

export const ANALYST_MEMBER_TOPIC = {
  name: 'analyst.org.member',
  description:
    'Members joining, deactivated or reactivated, and positions assigned or vacated, with a pseudonymous member key instead of the member (key: memberKey).',
  key: 'memberKey',
  partitions: 3,
  retentionMs: 400 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'stream-redactor',
} as const satisfies TopicDefinition;

export const ANALYST_MEETING_TOPIC = {
  name: 'analyst.meetings.meeting',
  description:
    'Meetings scheduled, cancelled, held and their attendance, as counts; organiser and attendees as pseudonymous keys (key: meetingId).',
  key: 'meetingId',
  partitions: 6,
  retentionMs: 400 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'stream-redactor',
} as const satisfies TopicDefinition;

export const ANALYST_QUOTA_TOPIC = {
  name: 'analyst.meetings.quota',
  description:
    'Daily meeting quotas a position holder missed, with a pseudonymous member key (key: memberKey).',
  key: 'memberKey',
  partitions: 3,
  retentionMs: 400 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'stream-redactor',
} as const satisfies TopicDefinition;

export const ANALYST_TRAINING_TOPIC = {
  name: 'analyst.training.session',
  description:
    'Training sessions held (turnout counts) and check-ins of pseudonymous participants (key: sessionId).',
  key: 'sessionId',
  partitions: 3,
  retentionMs: 400 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'stream-redactor',
} as const satisfies TopicDefinition;

export const ANALYST_MOMENTUM_TOPIC = {
  name: 'analyst.analytics.momentum',
  description:
    'Momentum score of each area as analytics publishes it (compacted: the last message per area is its current score).',
  key: 'areaId',
  partitions: 3,
  retentionMs: -1,
  cleanupPolicy: 'compact',
  owner: 'stream-redactor',
} as const satisfies TopicDefinition;

export const ANALYST_TOPICS: TopicDefinition[] = [
  ANALYST_MEMBER_TOPIC,
  ANALYST_MEETING_TOPIC,
  ANALYST_QUOTA_TOPIC,
  ANALYST_TRAINING_TOPIC,
  ANALYST_MOMENTUM_TOPIC,
];
