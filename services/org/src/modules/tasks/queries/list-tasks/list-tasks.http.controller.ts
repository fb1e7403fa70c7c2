import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import type { TaskView } from '../../application/task.view';
import { ListTasksQueryDto, TaskPageDto } from './list-tasks.dto';
import { ListTasksHandler } from './list-tasks.handler';

@ApiTags('tasks')
@Controller('tasks')
export class ListTasksHttpController {
  constructor(private readonly handler: ListTasksHandler) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({
    summary: 'Tasks of a subtree; overdue=true or unreviewed=true for the review lists; cursor-paginated',
  })
  @ApiOkResponse({
    type: TaskPageDto,
    description: 'One page of tasks, without their progress reports and reviews',
  })
  list(
    @Query() query: ListTasksQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<Omit<TaskView, 'progress' | 'reviews'>>> {
    return this.handler.execute(query, principal);
  }
}
