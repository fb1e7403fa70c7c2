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
