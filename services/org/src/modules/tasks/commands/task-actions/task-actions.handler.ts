import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { assertCan, hasPermission, isWithinScope, type Principal } from '@sangathan/auth';
import {
  ForbiddenError,
  isCleanText,
  NotFoundError,
  uuidv7,
  ValidationError,
  retryOnConcurrentChange,
} from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  POSITION_REPOSITORY,
  type PositionRepositoryPort,
} from '../../../members/application/ports/member.repository.port';
import type { Task, TaskEvent, Verdict } from '../../domain/task.entity';
import { TASK_REPOSITORY, type TaskRepositoryPort } from '../../application/ports/task.repository.port';
import { taskIntegrationEvents } from '../../application/task.integration-events';
import { taskView, type TaskView } from '../../application/task.view';

@Injectable()
export class TaskActionsHandler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaskActionsHandler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepositoryPort,
    @Inject(POSITION_REPOSITORY) private readonly positions: PositionRepositoryPort,
  ) {}

  onModuleInit(): void {
    const every = Number(process.env.ORG_OVERDUE_SWEEP_MS ?? 60_000);
    if (every > 0) {
      this.timer = setInterval(() => {
        this.sweepOverdue({}).catch((error: Error) =>
          this.logger.warn(`overdue sweep failed: ${error.message}`),
        );
      }, every);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async get(id: string, principal: Principal): Promise<TaskView> {
    const { task } = await this.load(id);
    assertCan(principal, 'org:read', { areaId: task.snapshot.areaId, ancestors: task.snapshot.ancestors });
    return taskView(task);
  }

  /** Progress comes from whoever the task is for (the named member or the position's current holder) or a leader above it. */
  progress(
    id: string,
    percent: number,
    note: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<TaskView> {
    return this.change(id, principal, ctx, 'holder', (task) =>
      task.postProgress(principal.sub, percent, note, new Date()),
    );
  }

  review(
    id: string,
    verdict: Verdict,
    note: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<TaskView> {
    return this.change(id, principal, ctx, 'leader', (task) =>
      task.review(principal.sub, verdict, note, new Date()),
    );
  }

  complete(id: string, principal: Principal, ctx: RequestContext): Promise<TaskView> {
    return this.change(id, principal, ctx, 'holder', (task) => task.complete(principal.sub, new Date()));
  }

  /** Withdraws an open task (a leader above it). No event: the contracts have no org.task.cancelled yet. */
  cancel(id: string, reason: string | null, principal: Principal, ctx: RequestContext): Promise<TaskView> {
    if (reason && !isCleanText(reason))
      throw new ValidationError('INVALID_TEXT', 'reason is not valid text', [
        { field: 'reason', message: 'invalid characters' },
      ]);
    return this.change(id, principal, ctx, 'leader', (task) =>
      task.cancel(principal.sub, reason, new Date()),
    );
  }

  /** Announces every open task past its due date once (org.task.overdue). Returns how many. */
  async sweepOverdue(
    scope: Record<string, unknown>,
    ctx: RequestContext = { actorId: null, correlationId: uuidv7() },
  ): Promise<number> {
    const now = new Date();
    let announced = 0;
    for (;;) {
      const ids = await this.tasks.dueForOverdue(now, scope, 200);
      if (ids.length === 0) break;
      for (const id of ids) {
        const loaded = await this.tasks.load(id);
        const event = loaded?.task.markOverdue(now);
        if (!loaded || !event) continue;
        // A task changed meanwhile (409) is picked up again by the next sweep.
        const saved = await this.tasks
          .update(loaded.task, loaded.version, taskIntegrationEvents([event], ctx))
          .then(
            () => true,
            () => false,
          );
        if (!saved) continue;
        announced++;
      }
      if (ids.length < 200) break;
    }
    return announced;
  }

  private change(
    id: string,
    principal: Principal,
    ctx: RequestContext,
    who: 'holder' | 'leader',
    apply: (task: Task) => TaskEvent,
  ): Promise<TaskView> {
    return retryOnConcurrentChange(() => this.changeOnce(id, principal, ctx, who, apply));
  }

  private async changeOnce(
    id: string,
    principal: Principal,
    ctx: RequestContext,
    who: 'holder' | 'leader',
    apply: (task: Task) => TaskEvent,
  ): Promise<TaskView> {
    const { task, version } = await this.load(id);
    const area = { areaId: task.snapshot.areaId, ancestors: task.snapshot.ancestors };
    const leader = hasPermission(principal, 'org:write') && isWithinScope(principal, area);
    if (who === 'leader' && !leader) assertCan(principal, 'org:write', area);
    if (who === 'holder' && !leader && !(await this.isAssignee(task, principal.sub))) {
      throw new ForbiddenError('NOT_ASSIGNEE', `task ${id} is not assigned to you`, [
        { field: 'id', message: 'only the assignee or a leader above it' },
      ]);
    }
    const event = apply(task);
    await this.tasks.update(task, version, taskIntegrationEvents([event], ctx));
    return taskView(task);
  }

  private async isAssignee(task: Task, memberId: string): Promise<boolean> {
    if (task.isAssignee(memberId)) return true;
    const positionId = task.snapshot.positionId;
    if (!positionId) return false;
    // The position may have changed hands since the task was given: its current holder answers for it.
    const position = await this.positions.load(positionId);
    return position?.value.snapshot.holderId === memberId;
  }

  private async load(id: string): Promise<{ task: Task; version: number }> {
    const loaded = await this.tasks.load(id);
    if (!loaded) throw new NotFoundError('task', id);
    return loaded;
  }
}
