import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { positionTypeSchema } from './area-level';
import { ORG_TASK_TOPIC } from './org.topics';

export const taskStatusSchema = z.enum(['open', 'completed', 'cancelled']);

/** What every task event carries. The task's area is the event's `areaId`. */
const taskSnapshot = z.object({
  /** Stable task id (UUIDv7; also the message key). */
  taskId: z.string().min(1),
  title: z.string().min(1),
  /** Area the task is for (the assignee area, or the area of the assignee position). */
  areaId: z.string().min(1),
  /** Ancestors of that area, root first. */
  ancestors: z.array(z.string().min(1)),
  /** Position the task is assigned to, if any (`<type>:<areaId>`). */
  positionId: z.string().min(1).nullable(),
  /** Type of that position. */
  positionType: positionTypeSchema.nullable(),
  /** Member who held the position (or was named) when the task was assigned. */
  assigneeMemberId: z.string().min(1).nullable(),
  /** Member who assigned it. */
  assignedBy: z.string().min(1).nullable(),
  /** Due date (ISO-8601). */
  dueAt: z.iso.datetime({ offset: true }),
  /** Days between reviews (5-7, default 7). */
  reviewEveryDays: z.number().int().min(5).max(7),
  /** When the next review is due (ISO-8601). */
  nextReviewAt: z.iso.datetime({ offset: true }),
  status: taskStatusSchema,
  /** Latest reported progress, 0-100. */
  progressPercent: z.number().int().min(0).max(100),
});

export const TaskAssignedV1 = defineEvent({
  type: 'org.task.assigned',
  version: 1,
  topic: ORG_TASK_TOPIC.name,
  description: 'Leadership assigned a task to an area or a position.',
  payload: taskSnapshot,
});

export const TaskProgressedV1 = defineEvent({
  type: 'org.task.progressed',
  version: 1,
  topic: ORG_TASK_TOPIC.name,
  description: 'A holder posted progress on a task. It counts as activity of `memberId`.',
  payload: taskSnapshot.extend({
    /** Member who posted the progress. */
    memberId: z.string().min(1),
    /** Their note. */
    note: z.string(),
  }),
});

export const TaskReviewedV1 = defineEvent({
  type: 'org.task.reviewed',
  version: 1,
  topic: ORG_TASK_TOPIC.name,
  description: 'A reviewer recorded a review; the next review falls `reviewEveryDays` later.',
  payload: taskSnapshot.extend({
    /** Reviewer. */
    reviewerId: z.string().min(1),
    /** Reviewer's verdict. */
    verdict: z.enum(['on-track', 'at-risk', 'off-track']),
    /** Their note. */
    note: z.string(),
  }),
});

export const TaskCompletedV1 = defineEvent({
  type: 'org.task.completed',
  version: 1,
  topic: ORG_TASK_TOPIC.name,
  description: 'A task was marked complete.',
  payload: taskSnapshot.extend({
    /** Who marked it complete. */
    completedBy: z.string().min(1),
    /** True when it was completed after its due date. */
    late: z.boolean(),
  }),
});

export const TaskOverdueV1 = defineEvent({
  type: 'org.task.overdue',
  version: 1,
  topic: ORG_TASK_TOPIC.name,
  description: 'An open task passed its due date (published once per task by the overdue sweep).',
  payload: taskSnapshot,
});

export const TaskCancelledV1 = defineEvent({
  type: 'org.task.cancelled',
  version: 1,
  topic: ORG_TASK_TOPIC.name,
  description: 'An open task was withdrawn by a leader; it takes no further progress or reviews.',
  payload: taskSnapshot.extend({
    /** Who cancelled it. */
    cancelledBy: z.string().min(1),
    /** Why, in the leader's words (Devanagari welcome); null when none was given. */
    reason: z.string().max(500).nullable(),
  }),
});

export type TaskSnapshot = z.infer<typeof taskSnapshot>;
export const ORG_TASK_EVENTS = [
  TaskAssignedV1,
  TaskProgressedV1,
  TaskReviewedV1,
  TaskCompletedV1,
  TaskOverdueV1,
  TaskCancelledV1,
];
