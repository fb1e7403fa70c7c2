import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { pageQuerySchema } from '@sangathan/http';
import type { Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { afterCursor, allOf, subtreeFilter, toPage } from '../../../../common/subtree';
import { AREA_REPOSITORY, type AreaRepository } from '../../../areas/infrastructure/area.repository.port';
import { taskView, type TaskView } from '../../commands/task-actions/task-view';
import { taskFromRow, TaskRepository } from '../../infrastructure/task.repository';

export const listTasksQuerySchema = pageQuerySchema.extend({
  under: z.string().min(1).max(64).optional().describe('Subtree root (default: your own area)'),
  status: z.enum(['open', 'completed', 'cancelled']).optional(),
  overdue: z.enum(['true']).optional().describe('Only open tasks past their due date'),
  unreviewed: z.enum(['true']).optional().describe('Only open tasks whose review is due'),
  assigneeMemberId: z.string().min(1).max(64).optional(),
  positionId: z.string().min(1).max(120).optional(),
});
export class ListTasksQueryDto extends createZodDto(listTasksQuerySchema) {}

@ApiTags('tasks')
@Controller('tasks')
export class ListTasksHttpController {
  constructor(
    private readonly tasks: TaskRepository,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepository,
  ) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({
    summary: 'Tasks of a subtree; overdue=true or unreviewed=true for the review lists; cursor-paginated',
  })
  async list(
    @Query() query: ListTasksQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<Omit<TaskView, 'progress' | 'reviews'>>> {
    const scope = await subtreeFilter(principal, 'org:read', query.under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    const now = new Date();
    const filter = allOf(
      scope,
      query.status ? { status: query.status } : {},
      query.overdue ? { status: 'open', dueAt: { $lt: now } } : {},
      query.unreviewed ? { status: 'open', nextReviewAt: { $lt: now } } : {},
      query.assigneeMemberId ? { assigneeMemberId: query.assigneeMemberId } : {},
      query.positionId ? { positionId: query.positionId } : {},
      afterCursor(query.cursor),
    );
    const rows = (await this.tasks.list(filter, query.limit + 1)) as { _id: string }[];
    return toPage(rows, query.limit, (row) => {
      const { progress: _p, reviews: _r, ...view } = taskView(taskFromRow(row));
      return view;
    });
  }
}
