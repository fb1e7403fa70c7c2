import type { EventDefinition } from '@sangathan/contracts';
import { ACTIVITY_DEFINITIONS } from '../domain/activity-mapping';
import { AREA_EVENTS } from './journal-item';

export const numberFromEnv = (name: string, fallback: number): number => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

/** Every event momentum folds: the hierarchy and the activity sources of the mapping table. */
export const MOMENTUM_SUBSCRIPTIONS: readonly EventDefinition[] = [...AREA_EVENTS, ...ACTIVITY_DEFINITIONS];

/**
 * The hierarchy's topics, read to their end before the activity topics when a backlog is read (start-up, replay):
 * activity of areas not known yet is parked until they are, and a backlog read all at once parks most of itself.
 */
export const MOMENTUM_LEAD_TOPICS = [...new Set(AREA_EVENTS.map((d) => d.topic))];

/**
 * Bytes per fetch of the live and the replay consumer (KafkaEventConsumerOptions.fetchMaxBytes), below kafkajs'
 * 10 MB: fewer decoded messages outlive young-generation collections (figures: docs/benchmarks.md, analytics).
 */
export const FETCH_MAX_BYTES = numberFromEnv('ANALYTICS_FETCH_MAX_BYTES', 2 * 1024 * 1024);
