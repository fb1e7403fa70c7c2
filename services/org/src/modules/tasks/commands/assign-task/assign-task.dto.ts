import { positionTypeSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const assignTaskSchema = z
  .object({
    title: z.string().min(1).max(200),
    description: z.string().max(4000).nullable().optional(),
    areaId: z
      .string()
      .min(1)
      .max(64)
      .describe('Area the task is for (also the area of the position, if one is given)'),
    positionType: positionTypeSchema.optional().describe('Assign to the holder of this position at areaId'),
    assigneeMemberId: z.string().min(1).max(64).optional().describe('Or name a member directly'),
    dueAt: z.iso.datetime({ offset: true }),
    reviewEveryDays: z.number().int().min(5).max(7).default(7),
  })
  .strict();

export class AssignTaskDto extends createZodDto(assignTaskSchema) {}

export const progressSchema = z.object({
  percent: z.number().int().min(0).max(100),
  note: z.string().max(2000).default(''),
});
export class ProgressDto extends createZodDto(progressSchema) {}

export const reviewSchema = z.object({
  verdict: z.enum(['on-track', 'at-risk', 'off-track']),
  note: z.string().max(2000).default(''),
});
export const cancelTaskSchema = z.object({
  reason: z.string().min(1).max(500).optional().describe('Why the task is withdrawn (shown in its history)'),
});
export class CancelTaskDto extends createZodDto(cancelTaskSchema) {}

export class ReviewDto extends createZodDto(reviewSchema) {}

const at = z.iso.datetime();

/** A task as every task operation answers it (`taskView`). */
export const taskViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().max(4000).nullable(),
  areaId: z.string(),
  ancestors: z.array(z.string()),
  positionId: z.string().min(1).nullable().describe('The position it was given to, if any'),
  positionType: positionTypeSchema.nullable(),
  assigneeMemberId: z.string().min(1).nullable(),
  assignedBy: z.string().min(1).nullable(),
  assignedAt: at,
  dueAt: at,
  reviewEveryDays: z.number().int().min(5).max(7),
  nextReviewAt: at,
  status: z.enum(['open', 'completed', 'cancelled']),
  progressPercent: z.number().min(0).max(100),
  progress: z.array(z.object({ memberId: z.string(), percent: z.number(), note: z.string(), at })),
  reviews: z.array(
    z.object({
      reviewerId: z.string(),
      verdict: z.enum(['on-track', 'at-risk', 'off-track']),
      note: z.string(),
      at,
    }),
  ),
  overdueAt: at.nullable().describe('When it was announced overdue'),
  completedAt: at.nullable(),
  completedBy: z.string().min(1).nullable(),
  cancelledAt: at.nullable(),
  cancelledBy: z.string().min(1).nullable(),
  cancelReason: z.string().min(1).nullable(),
});
export class TaskViewDto extends createZodDto(taskViewSchema) {}

/** The answer of POST /tasks/overdue-sweep. */
export const overdueSweepSchema = z.object({
  announced: z.number().int().nonnegative().describe('Tasks newly announced overdue'),
});
export class OverdueSweepDto extends createZodDto(overdueSweepSchema) {}
