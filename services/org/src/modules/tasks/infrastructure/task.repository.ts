import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConcurrentChangeError } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { TaskRepositoryPort } from '../application/ports/task.repository.port';
import { Task, type TaskProps } from '../domain/task.entity';
import { TaskDocument } from './task.schema';

export type TaskRow = TaskProps & { _id: string };
const NO_OUTBOX = { outbox: 0, outboxDueAt: 0 } as const;

export function taskFromRow(doc: Record<string, unknown>): Task {
  const { _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = doc as Record<string, unknown>;
  return Task.restore({ ...(rest as Omit<TaskProps, 'id'>), id: String(_id) });
}

/** Tasks persistence: one document per task; every change is one conditional write with its events. */
@Injectable()
export class TaskRepository implements TaskRepositoryPort {
  constructor(
    @InjectModel(TaskDocument.name) private readonly tasks: Model<TaskDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async load(id: string): Promise<{ task: Task; version: number } | null> {
    const doc = await this.tasks.collection.findOne({ _id: id as never }, { projection: NO_OUTBOX });
    return doc ? { task: taskFromRow(doc), version: (doc.version as number | undefined) ?? 0 } : null;
  }

  async insert(task: Task, events: OutboxEntry[]): Promise<void> {
    const { id, ...fields } = task.snapshot;
    const now = new Date();
    await this.outbox.insert(
      this.tasks,
      { _id: id, ...fields, version: 0, createdAt: now, updatedAt: now },
      events,
    );
  }

  async update(task: Task, version: number, events: OutboxEntry[]): Promise<void> {
    const { id, ...fields } = task.snapshot;
    // A change without events (a cancellation) leaves the outbox alone: the writer adds nothing for none.
    const written = await this.outbox.update(
      this.tasks,
      { _id: id, version },
      { $set: { ...fields, version: version + 1 } },
      events,
    );
    if (written === null) {
      throw new ConcurrentChangeError('TASK_CHANGED', `task ${id} changed meanwhile; reload and retry`, [
        { field: 'id', message: 'concurrent update' },
      ]);
    }
  }

  async list(filter: Record<string, unknown>, limit: number): Promise<Task[]> {
    const rows = await this.tasks.collection
      .find(filter, { projection: { ...NO_OUTBOX, progress: 0, reviews: 0 } })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return rows.map(taskFromRow);
  }

  async dueForOverdue(now: Date, filter: Record<string, unknown>, limit: number): Promise<string[]> {
    const docs = await this.tasks.collection
      .find({ ...filter, status: 'open', dueAt: { $lt: now }, overdueAt: null }, { projection: { _id: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((d) => String(d._id));
  }
}
