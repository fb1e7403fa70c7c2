import { DAY_MS, type TopicDefinition } from '../catalog/topic-definition';

export const MEETINGS_MEETING_TOPIC = {
  name: 'meetings.meeting.events',
  description:
    'Lifecycle of meetings (scheduled, rescheduled, cancelled, held) and the attendance recorded at them.',
  key: 'meetingId',
  partitions: 6,
  retentionMs: -1, // analytics rebuilds activity read models from it
  cleanupPolicy: 'delete',
  owner: 'meetings',
} as const satisfies TopicDefinition;

export const MEETINGS_PHOTO_TOPIC = {
  name: 'meetings.photo.events',
  description:
    'Photo evidence of meetings: submitted, verified (EXIF time/place agree or a reviewer confirmed) or flagged (mismatch, no metadata, duplicate).',
  key: 'meetingId', // a meeting's photos stay ordered with each other
  partitions: 6,
  retentionMs: -1,
  cleanupPolicy: 'delete',
  owner: 'meetings',
} as const satisfies TopicDefinition;

export const MEETINGS_QUOTA_TOPIC = {
  name: 'meetings.quota.events',
  description: 'Daily meeting quotas per position holder: who fell short on a day.',
  key: 'memberId',
  partitions: 3,
  retentionMs: 400 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'meetings',
} as const satisfies TopicDefinition;
