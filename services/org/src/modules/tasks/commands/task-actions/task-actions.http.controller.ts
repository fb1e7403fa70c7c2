import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { subtreeFilter } from '../../../../common/subtree';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { Inject } from '@nestjs/common';
import {
  CancelTaskDto,
  OverdueSweepDto,
  ProgressDto,
  ReviewDto,
  TaskViewDto,
} from '../assign-task/assign-task.dto';
import { TaskActionsHandler } from './task-actions.handler';
import type { TaskView } from '../../application/task.view';

@ApiTags('tasks')
@Controller('tasks')
export class TaskActionsHttpController {
  constructor(
    private readonly handler: TaskActionsHandler,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  @Post('overdue-sweep')
  @HttpCode(200)
  @Requires('org:write')
  @ApiOperation({ summary: 'Announce overdue tasks of a subtree now (the service also sweeps every minute)' })
  @ApiOkResponse({ type: OverdueSweepDto, description: 'How many tasks were announced overdue' })
  async sweep(
    @Query('under') under: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<{ announced: number }> {
    const scope = await subtreeFilter(principal, 'org:write', under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    return { announced: await this.handler.sweepOverdue(scope, requestContext(principal, req)) };
  }

  @Get(':id')
  @Requires('org:read')
  @ApiOperation({ summary: 'One task with its progress reports and reviews' })
  @ApiOkResponse({ type: TaskViewDto, description: 'The task' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.handler.get(id, principal);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Requires('org:read')
  @ApiOperation({
    summary: 'Post progress (the assignee, the current holder of the position, or a leader above)',
  })
  @ApiOkResponse({ type: TaskViewDto, description: 'org.task.progressed (counts as activity of the poster)' })
  progress(
    @Param('id') id: string,
    @Body() body: ProgressDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<TaskView> {
    return this.handler.progress(id, body.percent, body.note, principal, requestContext(principal, req));
  }

  @Post(':id/reviews')
  @HttpCode(200)
  @Requires('org:write')
  @ApiOperation({ summary: 'Record a review; the next one falls due after the cadence' })
  @ApiOkResponse({ type: TaskViewDto, description: 'org.task.reviewed' })
  review(
    @Param('id') id: string,
    @Body() body: ReviewDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<TaskView> {
    return this.handler.review(id, body.verdict, body.note, principal, requestContext(principal, req));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Requires('org:read')
  @ApiOperation({ summary: 'Mark a task complete' })
  @ApiOkResponse({ type: TaskViewDto, description: 'org.task.completed' })
  complete(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<TaskView> {
    return this.handler.complete(id, principal, requestContext(principal, req));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Requires('org:write')
  @ApiOperation({ summary: 'Withdraw an open task (a leader above it); a closed task is a 409 TASK_CLOSED' })
  @ApiOkResponse({ type: TaskViewDto, description: 'org.task.cancelled' })
  cancel(
    @Param('id') id: string,
    @Body() body: CancelTaskDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<TaskView> {
    return this.handler.cancel(id, body.reason ?? null, principal, requestContext(principal, req));
  }
}
