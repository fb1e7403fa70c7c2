import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConcurrentChangeError } from '@sangathan/kernel';
import { outboxFieldsForInsert, outboxUpdate, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
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
export class TaskRepository {
  constructor(@InjectModel(TaskDocument.name) private readonly tasks: Model<TaskDocument>) {}

  async load(id: string): Promise<{ task: Task; version: number } | null> {
    const doc = await this.tasks.collection.findOne({ _id: id as never }, { projection: NO_OUTBOX });
    return doc ? { task: taskFromRow(doc), version: (doc.version as number | undefined) ?? 0 } : null;
  }

  async insert(task: Task, events: OutboxEntry[]): Promise<void> {
    const { id, ...fields } = task.snapshot;
    const now = new Date();
    await this.tasks.collection.insertOne({
      _id: id,
      ...fields,
      version: 0,
      ...outboxFieldsForInsert(events),
      createdAt: now,
      updatedAt: now,
    } as never);
  }

  async update(task: Task, version: number, events: OutboxEntry[]): Promise<void> {
    const { id, ...fields } = task.snapshot;
    // A change without events (a cancellation) must not make the document due for the relay.
    const withOutbox = events.length > 0 ? outboxUpdate(events) : { $set: {}, $push: undefined };
    const result = await this.tasks.collection.updateOne({ _id: id as never, version }, {
      $set: { ...fields, ...withOutbox.$set, updatedAt: new Date(), version: version + 1 },
      ...(withOutbox.$push ? { $push: withOutbox.$push } : {}),
    } as never);
    if (result.matchedCount === 0) {
      throw new ConcurrentChangeError('TASK_CHANGED', `task ${id} changed meanwhile; reload and retry`, [
        { field: 'id', message: 'concurrent update' },
      ]);
    }
  }

  async list(filter: Record<string, unknown>, limit: number): Promise<Record<string, unknown>[]> {
    return this.tasks.collection
      .find(filter, { projection: { ...NO_OUTBOX, progress: 0, reviews: 0 } })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray() as Promise<Record<string, unknown>[]>;
  }

  /** Ids of open tasks past their due date that were not yet announced overdue. */
  async dueForOverdue(now: Date, filter: Record<string, unknown>, limit: number): Promise<string[]> {
    const docs = await this.tasks.collection
      .find({ ...filter, status: 'open', dueAt: { $lt: now }, overdueAt: null }, { projection: { _id: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((d) => String(d._id));
  }
}
