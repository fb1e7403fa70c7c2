import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import { afterCursor, allConditions, subtreeFilter, toPage } from '../../../../common/subtree';
import { AREA_REPOSITORY, type AreaRepository } from '../../../areas/infrastructure/area.repository.port';
import { taskView, type TaskView } from '../../commands/task-actions/task-view';
import { taskFromRow, TaskRepository } from '../../infrastructure/task.repository';
import type { ListTasksQueryDto } from './list-tasks.dto';

/** The tasks query of a list: the subtree (`scope`) and every filter given; the review lists are open tasks past a date. */
export function taskListQuery(
  scope: Record<string, unknown>,
  query: Omit<ListTasksQueryDto, 'limit'>,
  now: Date,
): Record<string, unknown> {
  return allConditions(
    scope,
    query.status ? { status: query.status } : {},
    query.overdue ? { status: 'open', dueAt: { $lt: now } } : {},
    query.unreviewed ? { status: 'open', nextReviewAt: { $lt: now } } : {},
    query.assigneeMemberId ? { assigneeMemberId: query.assigneeMemberId } : {},
    query.positionId ? { positionId: query.positionId } : {},
    afterCursor(query.cursor),
  );
}

@Injectable()
export class ListTasksHandler {
  constructor(
    private readonly tasks: TaskRepository,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepository,
  ) {}

  async execute(
    query: ListTasksQueryDto,
    principal: Principal,
  ): Promise<Page<Omit<TaskView, 'progress' | 'reviews'>>> {
    const scope = await subtreeFilter(principal, 'org:read', query.under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    const rows = (await this.tasks.list(taskListQuery(scope, query, new Date()), query.limit + 1)) as {
      _id: string;
    }[];
    return toPage(rows, query.limit, (row) => {
      const { progress: _p, reviews: _r, ...view } = taskView(taskFromRow(row));
      return view;
    });
  }
}
