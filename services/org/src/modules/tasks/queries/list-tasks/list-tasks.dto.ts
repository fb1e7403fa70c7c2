import { pageQuerySchema, pageSchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { taskViewSchema } from '../../commands/assign-task/assign-task.dto';

export const listTasksQuerySchema = pageQuerySchema.extend({
  under: z.string().min(1).max(64).optional().describe('Subtree root (default: your own area)'),
  status: z.enum(['open', 'completed', 'cancelled']).optional(),
  overdue: z.enum(['true']).optional().describe('Only open tasks past their due date'),
  unreviewed: z.enum(['true']).optional().describe('Only open tasks whose review is due'),
  assigneeMemberId: z.string().min(1).max(64).optional(),
  positionId: z.string().min(1).max(120).optional(),
});
export class ListTasksQueryDto extends createZodDto(listTasksQuerySchema) {}

/** The answer of GET /tasks: tasks without their progress reports and reviews. */
export const taskPageSchema = pageSchema(taskViewSchema.omit({ progress: true, reviews: true }));
export class TaskPageDto extends createZodDto(taskPageSchema) {}
