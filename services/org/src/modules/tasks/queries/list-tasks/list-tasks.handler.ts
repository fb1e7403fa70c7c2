import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import { subtreeFilter, toPage } from '../../../../common/subtree';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { taskView, type TaskView } from '../../application/task.view';
import { TASK_REPOSITORY, type TaskRepositoryPort } from '../../application/ports/task.repository.port';
import type { ListTasksQueryDto } from './list-tasks.dto';
import { taskListQuery } from './list-tasks.query';

@Injectable()
export class ListTasksHandler {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  async execute(
    query: ListTasksQueryDto,
    principal: Principal,
  ): Promise<Page<Omit<TaskView, 'progress' | 'reviews'>>> {
    const scope = await subtreeFilter(principal, 'org:read', query.under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    const tasks = await this.tasks.list(taskListQuery(scope, query, new Date()), query.limit + 1);
    return toPage(tasks, query.limit, (task) => {
      const { progress: _p, reviews: _r, ...view } = taskView(task);
      return view;
    });
  }
}
