import {
  createEvent,
  TaskAssignedV1,
  TaskCancelledV1,
  TaskCompletedV1,
  TaskOverdueV1,
  TaskProgressedV1,
  TaskReviewedV1,
  type TaskSnapshot,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { eventContext, type RequestContext } from '../../../common/request-context';
import type { Task, TaskEvent } from '../domain/task.entity';

export function taskSnapshot(task: Task): TaskSnapshot {
  const t = task.snapshot;
  return {
    taskId: t.id,
    title: t.title,
    areaId: t.areaId,
    ancestors: [...t.ancestors],
    positionId: t.positionId,
    positionType: t.positionType,
    assigneeMemberId: t.assigneeMemberId,
    assignedBy: t.assignedBy,
    dueAt: new Date(t.dueAt).toISOString(),
    reviewEveryDays: t.reviewEveryDays,
    nextReviewAt: new Date(t.nextReviewAt).toISOString(),
    status: t.status,
    progressPercent: t.progressPercent,
  };
}

/** Task domain events → integration events on org.task.events (key: task id). */
export function taskIntegrationEvents(events: TaskEvent[], ctx: RequestContext): OutboxEntry[] {
  return events.flatMap((event) => {
    const snapshot = taskSnapshot(event.task);
    const context = eventContext(ctx, snapshot.areaId, snapshot.ancestors);
    const key = snapshot.taskId;
    switch (event.kind) {
      case 'task-assigned':
        return toOutboxEntry(createEvent(TaskAssignedV1, snapshot, context), TaskAssignedV1.topic, key);
      case 'task-progressed':
        return toOutboxEntry(
          createEvent(TaskProgressedV1, { ...snapshot, memberId: event.memberId, note: event.note }, context),
          TaskProgressedV1.topic,
          key,
        );
      case 'task-reviewed':
        return toOutboxEntry(
          createEvent(
            TaskReviewedV1,
            { ...snapshot, reviewerId: event.reviewerId, verdict: event.verdict, note: event.note },
            context,
          ),
          TaskReviewedV1.topic,
          key,
        );
      case 'task-completed':
        return toOutboxEntry(
          createEvent(
            TaskCompletedV1,
            { ...snapshot, completedBy: event.completedBy, late: event.late },
            context,
          ),
          TaskCompletedV1.topic,
          key,
        );
      case 'task-overdue':
        return toOutboxEntry(createEvent(TaskOverdueV1, snapshot, context), TaskOverdueV1.topic, key);
      case 'task-cancelled':
        return toOutboxEntry(
          createEvent(
            TaskCancelledV1,
            { ...snapshot, cancelledBy: event.cancelledBy, reason: event.reason },
            context,
          ),
          TaskCancelledV1.topic,
          key,
        );
    }
  });
}
