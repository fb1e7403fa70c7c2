import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, outboxFieldsForInsert, type OutboxEntry } from '@sangathan/messaging';
import { insertIgnoringDuplicates } from '@sangathan/persistence';
import type { Model } from 'mongoose';
import type { PageRequest } from '../application/ports/page-request';
import type {
  ParticipantChange,
  ParticipantGuard,
  ParticipantRepositoryPort,
  SessionCounts,
  Turnout,
} from '../application/ports/participant-repository.port';
import type { RsvpStatus } from '../domain/participant.entity';
import { participantIdOf } from '../domain/participant.entity';
import type { ParticipantState } from '../domain/training-state';
import { afterId } from './after-id';
import { InvitationBatchDocument, ParticipantDocument } from './training.schema';

const PUBLISHED_BATCHES_REMEMBERED = 10_000;
const WITHOUT_OUTBOX = { outbox: 0 } as const;

function guardFilter(guard: ParticipantGuard): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (guard.status !== undefined) filter.status = guard.status;
  if (guard.attended !== undefined) filter.attendedAt = guard.attended ? { $ne: null } : null;
  if (guard.completed !== undefined) filter.completedAt = guard.completed ? { $ne: null } : null;
  if (guard.feedbackGiven !== undefined) filter.feedbackAt = guard.feedbackGiven ? { $ne: null } : null;
  return filter;
}

const countIf = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });
const isSet = (field: string) => ({ $gt: [field, null] });

/**
 * Participants, each change written with its events in one guarded update through the OutboxWriter.
 *
 * Keeps one participant's events in order although its `invited` event travels on an invitation
 * batch: while that batch has not been published, the first own event is preceded by a copy of the
 * `invited` entry (same eventId), so the participant's document publishes invited → registered in
 * order; the batch's later copy is a duplicate consumers drop by eventId. The same write clears
 * `invitationBatchId`, so only a participant's first own event can cost the extra read, and a batch
 * seen empty is remembered (a batch is written once and only ever emptied), so during a session's
 * check-in rush the batches are read once each, not once per attendee.
 */
@Injectable()
export class ParticipantRepository implements ParticipantRepositoryPort {
  /** Batches whose events are all published (bounded: forgetting one only costs a read). */
  private readonly publishedBatches = new Set<string>();

  constructor(
    @InjectModel(ParticipantDocument.name) private readonly participants: Model<ParticipantDocument>,
    @InjectModel(InvitationBatchDocument.name) private readonly batches: Model<InvitationBatchDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  find(sessionId: string, memberId: string): Promise<ParticipantState | null> {
    return this.participants
      .findById(participantIdOf(sessionId, memberId), WITHOUT_OUTBOX)
      .lean<ParticipantState>()
      .exec();
  }

  async save(
    participant: Pick<ParticipantState, '_id' | 'invitationBatchId'>,
    guard: ParticipantGuard,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): Promise<ParticipantState | null> {
    const unpublished = participant.invitationBatchId
      ? await this.unpublishedInvitation(participant.invitationBatchId, participant._id)
      : [];
    return this.write({ _id: participant._id, ...guardFilter(guard) }, change, [...unpublished, ...events]);
  }

  saveIfInvitationPublished(
    participantId: string,
    sessionId: string,
    guard: ParticipantGuard,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): Promise<ParticipantState | null> {
    const published = [...this.publishedBatches].filter((id) => id.startsWith(`${sessionId}#`));
    return this.write(
      { _id: participantId, ...guardFilter(guard), invitationBatchId: { $in: [null, ...published] } },
      change,
      events,
    );
  }

  async insert(participant: ParticipantState, events: readonly OutboxEntry[]): Promise<boolean> {
    try {
      await this.outbox.insert(this.participants, participant, events);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return false;
    }
  }

  async insertInvited(participants: readonly ParticipantState[]): Promise<string[]> {
    // No events of their own: their invited events go on the invitation batch.
    const records = participants.map((p) => ({ ...p, ...outboxFieldsForInsert([]) }));
    const { duplicates } = await insertIgnoringDuplicates(this.participants.collection, records);
    return duplicates.map((i) => records[i]._id);
  }

  async pointingToBatch(batchId: string, participantIds: readonly string[]): Promise<Set<string>> {
    if (participantIds.length === 0) return new Set();
    const docs = await this.participants
      .find({ _id: { $in: [...participantIds] }, invitationBatchId: batchId }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return new Set(docs.map((d) => d._id));
  }

  firstOnWaitlist(sessionId: string): Promise<ParticipantState | null> {
    return this.participants
      .findOne({ sessionId, status: 'waitlisted' }, WITHOUT_OUTBOX)
      .sort({ waitlistedAt: 1, _id: 1 })
      .lean<ParticipantState>()
      .exec();
  }

  async turnout(sessionId: string): Promise<Turnout> {
    const count = (filter: Record<string, unknown>) =>
      this.participants.countDocuments({ sessionId, ...filter }).exec();
    const [invitedCount, registeredCount, attendedCount, walkInCount, completedCount] = await Promise.all([
      count({ walkIn: false }),
      count({ status: 'registered' }),
      count({ attendedAt: { $ne: null } }),
      count({ walkIn: true }),
      count({ completedAt: { $ne: null } }),
    ]);
    return { invitedCount, registeredCount, attendedCount, walkInCount, completedCount };
  }

  /** Counted in the database: one row per session instead of one per participant. */
  async countsBySession(sessionIds: readonly string[]): Promise<Map<string, SessionCounts>> {
    const grouped = await this.participants
      .aggregate<{ _id: string } & SessionCounts>([
        { $match: { sessionId: { $in: [...sessionIds] } } },
        {
          $group: {
            _id: '$sessionId',
            invited: countIf({ $ne: ['$walkIn', true] }),
            walkIns: countIf({ $eq: ['$walkIn', true] }),
            registered: countIf({ $eq: ['$status', 'registered'] }),
            waitlisted: countIf({ $eq: ['$status', 'waitlisted'] }),
            declined: countIf({ $eq: ['$status', 'declined'] }),
            attended: countIf(isSet('$attendedAt')),
            completed: countIf(isSet('$completedAt')),
          },
        },
      ])
      .exec();
    return new Map(grouped.map(({ _id, ...counts }) => [_id, counts]));
  }

  pageOfSession(
    sessionId: string,
    filter: { status?: RsvpStatus; attended?: boolean },
    page: PageRequest,
  ): Promise<ParticipantState[]> {
    return this.page({ sessionId, ...guardFilter(filter) }, page);
  }

  pageOfNoShows(sessionIds: readonly string[], page: PageRequest): Promise<ParticipantState[]> {
    return this.page({ sessionId: { $in: [...sessionIds] }, walkIn: false, attendedAt: null }, page);
  }

  private page(filter: Record<string, unknown>, page: PageRequest): Promise<ParticipantState[]> {
    return this.participants
      .find({ ...filter, ...afterId(page.afterId) }, WITHOUT_OUTBOX)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<ParticipantState[]>()
      .exec();
  }

  /** One guarded update: the change, the events, and the invitation batch link cleared. */
  private write(
    filter: Record<string, unknown>,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): Promise<ParticipantState | null> {
    return this.outbox.update(
      this.participants,
      filter,
      { $set: { ...change, invitationBatchId: null } },
      events,
    );
  }

  private async unpublishedInvitation(batchId: string, participantId: string): Promise<OutboxEntry[]> {
    if (this.publishedBatches.has(batchId)) return [];
    const batch = await this.batches
      .findById(batchId, { outbox: 1 })
      .lean<Pick<InvitationBatchDocument, 'outbox'>>()
      .exec();
    if (batch && batch.outbox.length === 0) {
      if (this.publishedBatches.size >= PUBLISHED_BATCHES_REMEMBERED) this.publishedBatches.clear();
      this.publishedBatches.add(batchId);
    }
    return (batch?.outbox ?? []).filter((entry) => entry.key === participantId);
  }
}
