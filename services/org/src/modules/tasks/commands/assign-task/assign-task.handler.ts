import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { isCleanText, uuidv7, ValidationError } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { positionId } from '../../../members/domain/position.entity';
import {
  MEMBER_REPOSITORY,
  POSITION_REPOSITORY,
  type MemberRepositoryPort,
  type PositionRepositoryPort,
} from '../../../members/application/ports/member.repository.port';
import { Task } from '../../domain/task.entity';
import { TASK_REPOSITORY, type TaskRepositoryPort } from '../../application/ports/task.repository.port';
import { taskIntegrationEvents } from '../../application/task.integration-events';
import { taskView, type TaskView } from '../../application/task.view';
import type { AssignTaskDto } from './assign-task.dto';

@Injectable()
export class AssignTaskHandler {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
    @Inject(POSITION_REPOSITORY) private readonly positions: PositionRepositoryPort,
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
  ) {}

  async execute(body: AssignTaskDto, principal: Principal, ctx: RequestContext): Promise<TaskView> {
    for (const field of ['title', 'description'] as const) {
      const text = body[field];
      if (text && !isCleanText(text))
        throw new ValidationError('INVALID_TEXT', `${field} is not valid text`, [
          { field, message: 'invalid characters' },
        ]);
    }
    const area = await this.areas.findById(body.areaId.trim().toUpperCase());
    if (!area)
      throw new ValidationError('UNKNOWN_AREA', `area ${body.areaId} does not exist`, [
        { field: 'areaId', message: 'unknown area' },
      ]);
    assertCan(principal, 'org:write', { areaId: area.id, ancestors: area.ancestors });

    let position: {
      id: string;
      type: NonNullable<AssignTaskDto['positionType']>;
      holderId: string | null;
    } | null = null;
    if (body.positionType) {
      const loaded = await this.positions.load(positionId(body.positionType, area.id));
      if (!loaded) {
        throw new ValidationError(
          'UNKNOWN_POSITION',
          `no ${body.positionType} position exists at ${area.id}`,
          [{ field: 'positionType', message: 'no such position at this area' }],
        );
      }
      position = { id: loaded.value.id, type: body.positionType, holderId: loaded.value.snapshot.holderId };
    }
    if (body.assigneeMemberId) {
      const member = await this.members.load(body.assigneeMemberId);
      if (!member || !member.value.livesWithin(area.id)) {
        throw new ValidationError(
          'UNKNOWN_ASSIGNEE',
          `member ${body.assigneeMemberId} is not a member of ${area.id}`,
          [{ field: 'assigneeMemberId', message: 'must live inside the area' }],
        );
      }
    }
    const { task, event } = Task.assign({
      id: uuidv7(),
      title: body.title,
      description: body.description,
      area: { id: area.id, ancestors: area.ancestors },
      position,
      assigneeMemberId: body.assigneeMemberId,
      assignedBy: principal.sub,
      dueAt: new Date(body.dueAt),
      reviewEveryDays: body.reviewEveryDays,
      now: new Date(),
    });
    await this.tasks.insert(task, taskIntegrationEvents([event], ctx));
    return taskView(task);
  }
}
