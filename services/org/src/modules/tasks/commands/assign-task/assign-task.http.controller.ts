import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { TaskView } from '../../application/task.view';
import { AssignTaskDto, TaskViewDto } from './assign-task.dto';
import { AssignTaskHandler } from './assign-task.handler';

@ApiTags('tasks')
@Controller('tasks')
export class AssignTaskHttpController {
  constructor(private readonly handler: AssignTaskHandler) {}

  @Post()
  @HttpCode(201)
  @Requires('org:write')
  @ApiOperation({
    summary:
      'Give an area, a position or a member a task with a due date and a review cadence (5-7 days, default 7)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: TaskViewDto, description: 'The task; org.task.assigned is published' })
  assign(
    @Body() body: AssignTaskDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<TaskView> {
    return this.handler.execute(body, principal, requestContext(principal, req));
  }
}
