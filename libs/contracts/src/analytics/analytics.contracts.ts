import { z } from 'zod';
import { DAY_MS, type TopicDefinition } from '../catalog/topic-definition';
import { defineEvent, type EventDefinition } from '../envelope/event-definition';
import { areaLevelSchema } from '../org/area-level';

/*
 * Streams the analytics service publishes for analysts and notifications (formula: docs/momentum.md).
 * Both are written through analytics' outbox, so they are at-least-once: deduplicate on eventId.
 */

export const ANALYTICS_MOMENTUM_TOPIC = {
  name: 'analytics.momentum',
  description:
    'Latest momentum score of each area (compacted: the last message per area is its current score). Published when a score moves by more than the threshold, and at least daily.',
  key: 'areaId',
  partitions: 3,
  retentionMs: -1,
  cleanupPolicy: 'compact',
  owner: 'analytics',
} as const satisfies TopicDefinition;

export const ANALYTICS_ALERTS_TOPIC = {
  name: 'analytics.alerts',
  description:
    'An area fell below the momentum threshold, or its score dropped sharply within a week (notifications consumes these).',
  key: 'areaId',
  partitions: 3,
  retentionMs: 90 * DAY_MS,
  cleanupPolicy: 'delete',
  owner: 'analytics',
} as const satisfies TopicDefinition;

/** Names of the momentum components (docs/momentum.md). */
export const MOMENTUM_COMPONENTS = [
  'meetings',
  'attendance',
  'training',
  'committees',
  'volunteers',
  'tasks',
  'panels',
] as const;
export const momentumComponentSchema = z.enum(MOMENTUM_COMPONENTS);
export type MomentumComponentName = z.infer<typeof momentumComponentSchema>;

export const MOMENTUM_TREND_LABELS = ['accelerating', 'steady', 'slowing'] as const;

const componentValue = z.object({
  /** Component value in [0, 1.5] (1 = doing what an area of this size should); null when it does not apply to the area yet. */
  value: z.number().min(0).max(1.5).nullable(),
  /** Weight of the component in the score (weights of applicable components are renormalised to sum to 1). */
  weight: z.number().min(0).max(1),
});

const areaRef = {
  /** Area the score is for (also the message key). */
  areaId: z.string().min(1),
  level: areaLevelSchema,
  /** Ancestors of the area, root first. */
  ancestors: z.array(z.string().min(1)),
};

export const MomentumChangedV1 = defineEvent({
  type: 'analytics.momentum.changed',
  version: 1,
  topic: ANALYTICS_MOMENTUM_TOPIC.name,
  description:
    "An area's momentum score moved by more than the publication threshold since it was last published, or a day passed.",
  payload: z.object({
    ...areaRef,
    /** Momentum = 100 × weighted mean of the applicable components, in [0, 150]. */
    score: z.number().min(0).max(150),
    /** Score last published for this area, or null for the first publication. */
    previousScore: z.number().min(0).max(150).nullable(),
    /** Every component of the formula with its value and weight. */
    components: z.record(momentumComponentSchema, componentValue),
    /** Score at the end of the UTC day seven days before `computedAt`, when history exists for the area's level; else null. */
    weekAgoScore: z.number().min(0).max(150).nullable(),
    /** Activity with a 2-day half-life over activity with a 14-day half-life (both relative to the expected level); null without activity. */
    shortLongRatio: z.number().nonnegative().nullable(),
    /** accelerating (ratio ≥ 1.15), slowing (≤ 0.85) or steady. */
    trend: z.enum(MOMENTUM_TREND_LABELS),
    /** `moved`: changed by at least the threshold; `daily`: the at-least-daily republication. */
    reason: z.enum(['moved', 'daily']),
    /** Version of the formula the score was computed with; scores of different versions are not comparable. */
    formulaVersion: z.number().int().positive(),
    /** Instant the score was computed for (decay applied up to it). */
    computedAt: z.iso.datetime({ offset: true }),
  }),
});

export const AreaAlertedV1 = defineEvent({
  type: 'analytics.area.alerted',
  version: 1,
  topic: ANALYTICS_ALERTS_TOPIC.name,
  description:
    'An area needs attention: its momentum fell below the alert threshold (`below-threshold`, once until it recovers), or dropped by at least the drop threshold against a week ago (`sharp-drop`, at most once a day).',
  payload: z.object({
    ...areaRef,
    kind: z.enum(['below-threshold', 'sharp-drop']),
    /** Score when the alert was raised. */
    score: z.number().min(0).max(150),
    /** below-threshold: the score threshold; sharp-drop: the drop (in points) that triggers it. */
    threshold: z.number().nonnegative(),
    /** Score a week before (null when no history is kept for the area's level). */
    weekAgoScore: z.number().min(0).max(150).nullable(),
    /** Applicable component with the lowest value: what to act on first. */
    weakestComponent: momentumComponentSchema.nullable(),
    formulaVersion: z.number().int().positive(),
    detectedAt: z.iso.datetime({ offset: true }),
  }),
});

/** Streams the analytics service publishes for analysts and notifications. */
export const ANALYTICS_TOPICS: TopicDefinition[] = [ANALYTICS_MOMENTUM_TOPIC, ANALYTICS_ALERTS_TOPIC];
/** Integration events of the analytics service. */
export const ANALYTICS_EVENTS: EventDefinition[] = [MomentumChangedV1, AreaAlertedV1] as EventDefinition[];
