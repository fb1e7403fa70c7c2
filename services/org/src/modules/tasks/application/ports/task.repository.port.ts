import type { OutboxEntry } from '@sangathan/messaging';
import type { Task } from '../../domain/task.entity';

/** Persistence port for tasks (adapter: infrastructure/task.repository.ts): one document per task. */
export interface TaskRepositoryPort {
  load(id: string): Promise<{ task: Task; version: number } | null>;
  /** Inserts a new task with its first events. */
  insert(task: Task, events: OutboxEntry[]): Promise<void>;
  /** Saves the task with its events if unchanged since `version` (else `ConcurrentChangeError`). */
  update(task: Task, version: number, events: OutboxEntry[]): Promise<void>;
  /** Up to `limit` tasks matching `filter`, in `_id` order, without their progress and reviews. */
  list(filter: Record<string, unknown>, limit: number): Promise<Task[]>;
  /** Ids of open tasks past their due date that were not yet announced overdue. */
  dueForOverdue(now: Date, filter: Record<string, unknown>, limit: number): Promise<string[]>;
}

export const TASK_REPOSITORY = Symbol('TaskRepositoryPort');
