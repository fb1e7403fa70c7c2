import type { PositionType } from '@sangathan/contracts';
import { ConflictError, ValidationError } from '@sangathan/kernel';

const DAY_MS = 24 * 3600_000;
export const DEFAULT_REVIEW_DAYS = 7;

export type TaskStatus = 'open' | 'completed' | 'cancelled';
export type Verdict = 'on-track' | 'at-risk' | 'off-track';

export type TaskProps = {
  id: string;
  title: string;
  description: string | null;
  areaId: string;
  ancestors: string[];
  positionId: string | null;
  positionType: PositionType | null;
  assigneeMemberId: string | null;
  assignedBy: string | null;
  assignedAt: Date;
  dueAt: Date;
  reviewEveryDays: number;
  nextReviewAt: Date;
  status: TaskStatus;
  progressPercent: number;
  progress: { memberId: string; percent: number; note: string; at: Date }[];
  reviews: { reviewerId: string; verdict: Verdict; note: string; at: Date }[];
  overdueAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  cancelledAt?: Date | null;
  cancelledBy?: string | null;
  cancelReason?: string | null;
};

export type TaskEvent =
  | { kind: 'task-assigned'; task: Task }
  | { kind: 'task-progressed'; task: Task; memberId: string; note: string }
  | { kind: 'task-reviewed'; task: Task; reviewerId: string; verdict: Verdict; note: string }
  | { kind: 'task-completed'; task: Task; completedBy: string; late: boolean }
  | { kind: 'task-overdue'; task: Task }
  | { kind: 'task-cancelled'; task: Task; cancelledBy: string; reason: string | null };

/** A task leadership gives an area or a position, reviewed every 5-7 days until done. */
export class Task {
  private constructor(private props: TaskProps) {}

  static assign(input: {
    id: string;
    title: string;
    description?: string | null;
    area: { id: string; ancestors: readonly string[] };
    position: { id: string; type: PositionType; holderId: string | null } | null;
    assigneeMemberId?: string | null;
    assignedBy: string | null;
    dueAt: Date;
    reviewEveryDays?: number;
    now: Date;
  }): { task: Task; event: TaskEvent } {
    const cadence = input.reviewEveryDays ?? DEFAULT_REVIEW_DAYS;
    if (!Number.isInteger(cadence) || cadence < 5 || cadence > 7) {
      throw new ValidationError('INVALID_CADENCE', 'tasks are reviewed every 5 to 7 days', [
        { field: 'reviewEveryDays', message: 'between 5 and 7' },
      ]);
    }
    if (!(input.dueAt.getTime() > input.now.getTime())) {
      throw new ValidationError('DUE_IN_PAST', 'the due date must be in the future', [
        { field: 'dueAt', message: 'must be in the future' },
      ]);
    }
    const title = input.title.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!title)
      throw new ValidationError('INVALID_TITLE', 'a task needs a title', [
        { field: 'title', message: 'required' },
      ]);
    const task = new Task({
      id: input.id,
      title,
      description: input.description?.normalize('NFC').trim() || null,
      areaId: input.area.id,
      ancestors: [...input.area.ancestors],
      positionId: input.position?.id ?? null,
      positionType: input.position?.type ?? null,
      assigneeMemberId: input.assigneeMemberId ?? input.position?.holderId ?? null,
      assignedBy: input.assignedBy,
      assignedAt: input.now,
      dueAt: input.dueAt,
      reviewEveryDays: cadence,
      nextReviewAt: new Date(input.now.getTime() + cadence * DAY_MS),
      status: 'open',
      progressPercent: 0,
      progress: [],
      reviews: [],
      overdueAt: null,
      completedAt: null,
      completedBy: null,
    });
    return { task, event: { kind: 'task-assigned', task } };
  }

  static restore(props: TaskProps): Task {
    return new Task(props);
  }

  postProgress(memberId: string, percent: number, note: string, now: Date): TaskEvent {
    this.assertOpen();
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
      throw new ValidationError('INVALID_PROGRESS', 'progress is a whole percentage 0-100', [
        { field: 'percent', message: '0 to 100' },
      ]);
    }
    this.props = {
      ...this.props,
      progressPercent: percent,
      progress: [...this.props.progress, { memberId, percent, note, at: now }],
    };
    return { kind: 'task-progressed', task: this, memberId, note };
  }

  review(reviewerId: string, verdict: Verdict, note: string, now: Date): TaskEvent {
    this.assertOpen();
    if (reviewerId === this.props.assigneeMemberId) {
      throw new ValidationError('SELF_REVIEW', 'the assignee cannot review their own task', [
        { field: 'reviewerId', message: 'must be someone else' },
      ]);
    }
    this.props = {
      ...this.props,
      reviews: [...this.props.reviews, { reviewerId, verdict, note, at: now }],
      nextReviewAt: new Date(now.getTime() + this.props.reviewEveryDays * DAY_MS),
    };
    return { kind: 'task-reviewed', task: this, reviewerId, verdict, note };
  }

  complete(by: string, now: Date): TaskEvent {
    this.assertOpen();
    const late = now.getTime() > this.props.dueAt.getTime();
    this.props = {
      ...this.props,
      status: 'completed',
      progressPercent: 100,
      completedAt: now,
      completedBy: by,
    };
    return { kind: 'task-completed', task: this, completedBy: by, late };
  }

  /** Withdraws an open task: no more progress, reviews or overdue notices. */
  cancel(by: string, reason: string | null, now: Date): TaskEvent {
    this.assertOpen();
    const why = reason?.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
    this.props = { ...this.props, status: 'cancelled', cancelledAt: now, cancelledBy: by, cancelReason: why };
    return { kind: 'task-cancelled', task: this, cancelledBy: by, reason: why };
  }

  /** Announces the task overdue once; null when it is not (or already was announced). */
  markOverdue(now: Date): TaskEvent | null {
    if (this.props.status !== 'open' || this.props.overdueAt || this.props.dueAt.getTime() >= now.getTime())
      return null;
    this.props = { ...this.props, overdueAt: now };
    return { kind: 'task-overdue', task: this };
  }

  /** True when `memberId` is who the task is for. */
  isAssignee(memberId: string): boolean {
    return this.props.assigneeMemberId === memberId;
  }

  private assertOpen(): void {
    if (this.props.status !== 'open') {
      throw new ConflictError('TASK_CLOSED', `task ${this.props.id} is ${this.props.status}`, [
        { field: 'status', message: this.props.status },
      ]);
    }
  }

  get snapshot(): Readonly<TaskProps> {
    return this.props;
  }
}
