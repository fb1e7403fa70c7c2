import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { decodeCursor, encodeCursor, uuidv7 } from '@sangathan/kernel';
import { outboxFieldsForInsert, OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import { insertIgnoringDuplicates } from '@sangathan/persistence';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { DeliveryStep, NotificationMessage } from '../domain/notification-message.entity';
import type {
  MessagePage,
  MessagePort,
  RecordedStep,
  ReminderChange,
} from '../application/ports/message.port';
import { toDocument, toMessage } from './notification-message.mapper';
import { NotificationMessageDocument } from './notification-message.schema';

type Doc = NotificationMessageDocument;

/** A member's inbox: messages of inbox rules once they went out (a reminder shows when it is sent, not before). */
const inboxFilter = (memberId: string): FilterQuery<Doc> => ({
  memberId,
  inboxed: true,
  state: { $in: ['sent', 'delivered'] },
});

/** A queued message suppressed, with why in its history. */
function suppression(detail: string, now: Date): UpdateQuery<Doc> {
  return {
    $set: { state: 'suppressed', leaseOwner: null, leaseUntil: null },
    $inc: { version: 1 },
    $push: { history: { at: now, step: 'suppressed', channel: null, detail } },
  };
}

/** A delivery step as one guarded update: state, due time, counters and history. */
function stepUpdate(
  message: NotificationMessage,
  step: DeliveryStep,
  now: Date,
  attempted: boolean,
): UpdateQuery<Doc> {
  const set: Record<string, unknown> = { leaseOwner: null, leaseUntil: null };
  switch (step.kind) {
    case 'deferred':
      set.dueAt = step.until;
      break;
    case 'retry':
      set.dueAt = step.dueAt;
      set.attempts = step.attempts;
      break;
    case 'fallback':
      // Also after a sent message's failed receipt: it is queued again, on the next channel.
      set.state = 'queued';
      set.channelIndex = step.channelIndex;
      set.attempts = 0;
      set.dueAt = step.dueAt;
      set.providerMessageId = null;
      break;
    case 'sent':
      set.state = step.delivered ? 'delivered' : 'sent';
      set.attempts = message.attempts + 1;
      set.sentAt = now;
      set.providerMessageId = step.providerMessageId;
      if (step.delivered) set.deliveredAt = now;
      break;
    case 'delivered':
      set.state = 'delivered';
      set.deliveredAt = now;
      break;
    case 'failed':
      set.state = 'failed';
      set.failReason = step.reason;
      break;
  }
  return {
    $set: set,
    $inc: { version: 1, totalAttempts: attempted ? 1 : 0 },
    $push: { history: { $each: step.history } },
  };
}

/** Messages in MongoDB: delivery steps and their events in one guarded write through the outbox writer. */
@Injectable()
export class NotificationMessageRepository implements MessagePort {
  /** Identifies this replica's leases. */
  private readonly owner = uuidv7();

  constructor(
    @InjectModel(NotificationMessageDocument.name) private readonly model: Model<Doc>,
    private readonly outbox: OutboxWriter,
  ) {}

  async insertNew(messages: readonly NotificationMessage[]): Promise<number> {
    const docs = messages.map((m) => ({ ...toDocument(m), ...outboxFieldsForInsert([]) }));
    const { duplicates } = await insertIgnoringDuplicates(this.model.collection, docs as never[]);
    return messages.length - duplicates.length;
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<NotificationMessage[]> {
    const claimable: FilterQuery<Doc> = {
      state: 'queued',
      dueAt: { $lte: now },
      $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
    };
    const candidates = await this.model
      .find(claimable, { _id: 1 })
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean()
      .exec();
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c._id);
    const lease = `${this.owner}:${uuidv7()}`;
    await this.model
      .updateMany(
        { ...claimable, _id: { $in: ids } },
        { $set: { leaseOwner: lease, leaseUntil: new Date(now.getTime() + leaseMs) } },
      )
      .exec();
    const claimed = await this.model
      .find({ _id: { $in: ids }, leaseOwner: lease }, { outbox: 0 })
      .lean<Doc[]>()
      .exec();
    return claimed.map(toMessage);
  }

  async record(
    message: NotificationMessage,
    step: DeliveryStep,
    events: readonly OutboxEntry[],
    now: Date,
    attempted: boolean,
  ): Promise<boolean> {
    const written = await this.outbox.update(
      this.model,
      { _id: message.id, version: message.version },
      stepUpdate(message, step, now, attempted),
      events,
    );
    return written !== null;
  }

  async recordAll(steps: readonly RecordedStep[]): Promise<number> {
    const result = await this.outbox.bulk(
      this.model,
      steps.map(({ message, step, events, now, attempted }) => ({
        filter: { _id: message.id, version: message.version },
        update: stepUpdate(message, step, now, attempted),
        events,
      })),
    );
    return result?.modifiedCount ?? 0;
  }

  async suppress(ruleIds: readonly string[], subjectKey: string, reason: string, now: Date): Promise<number> {
    const result = await this.model
      .updateMany(
        { subjectKey, ruleId: { $in: [...ruleIds] }, state: 'queued' },
        suppression(`cancelled by ${reason}`, now),
      )
      .exec();
    return result.modifiedCount;
  }

  async suppressOne(message: NotificationMessage, reason: string, now: Date): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: message.id, version: message.version, state: 'queued' }, suppression(reason, now))
      .exec();
    return result.modifiedCount === 1;
  }

  async reschedule(message: NotificationMessage, change: ReminderChange): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: message.id, version: message.version, state: 'queued' },
        {
          $set: { dueAt: change.dueAt, content: change.content, values: change.values },
          $inc: { version: 1 },
          $push: { history: change.entry },
        },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async queuedAbout(ruleIds: readonly string[], subjectKey: string): Promise<NotificationMessage[]> {
    const docs = await this.model
      .find({ subjectKey, ruleId: { $in: [...ruleIds] }, state: 'queued' }, { outbox: 0 })
      .lean<Doc[]>()
      .exec();
    return docs.map(toMessage);
  }

  async byProviderMessageId(providerMessageId: string): Promise<NotificationMessage | null> {
    const doc = await this.model.findOne({ providerMessageId }, { outbox: 0 }).lean<Doc>().exec();
    return doc ? toMessage(doc) : null;
  }

  async get(messageId: string): Promise<NotificationMessage | null> {
    const doc = await this.model.findById(messageId, { outbox: 0 }).lean<Doc>().exec();
    return doc ? toMessage(doc) : null;
  }

  async markRead(memberId: string, messageIds: readonly string[] | 'all', now: Date): Promise<number> {
    const filter: FilterQuery<Doc> = { ...inboxFilter(memberId), readAt: null };
    if (messageIds !== 'all') filter._id = { $in: [...messageIds] };
    const result = await this.model.updateMany(filter, { $set: { readAt: now } }).exec();
    return result.modifiedCount;
  }

  inbox(memberId: string, unreadOnly: boolean, cursor: string | null, limit: number): Promise<MessagePage> {
    const filter: FilterQuery<Doc> = inboxFilter(memberId);
    if (unreadOnly) filter.readAt = null;
    return this.page(filter, cursor, limit);
  }

  unreadCount(memberId: string): Promise<number> {
    return this.model.countDocuments({ ...inboxFilter(memberId), readAt: null }).exec();
  }

  byMember(memberId: string, cursor: string | null, limit: number): Promise<MessagePage> {
    return this.page({ memberId }, cursor, limit);
  }

  byEvent(
    eventId: string,
    scopeAreaId: string | null,
    cursor: string | null,
    limit: number,
  ): Promise<MessagePage> {
    // Keys start `<eventId>|` (dedupeKey), so the unique index finds them; a digest, which sums up several
    // events, is keyed by its digest instead and is not listed here.
    const filter: FilterQuery<Doc> = { dedupeKey: { $gte: `${eventId}|`, $lt: `${eventId}}` } };
    if (scopeAreaId) filter.$or = [{ areaId: scopeAreaId }, { ancestors: scopeAreaId }];
    return this.page(filter, cursor, limit);
  }

  private async page(filter: FilterQuery<Doc>, cursor: string | null, limit: number): Promise<MessagePage> {
    const after = cursor ? String(decodeCursor(cursor).id) : null;
    const docs = await this.model
      .find(after ? { ...filter, _id: { $lt: after } } : filter, { outbox: 0 })
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<Doc[]>()
      .exec();
    const items = docs.slice(0, limit).map(toMessage);
    const nextCursor = docs.length > limit ? encodeCursor({ id: items[items.length - 1].id }) : null;
    return { items, nextCursor };
  }
}
