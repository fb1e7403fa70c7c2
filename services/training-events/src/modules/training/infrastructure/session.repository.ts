import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { PageRequest } from '../application/ports/page-request';
import type {
  NewSession,
  SessionChange,
  SessionGuard,
  SessionRepositoryPort,
} from '../application/ports/session-repository.port';
import type { SessionState } from '../domain/training-state';
import { afterId } from './after-id';
import { onlyDuplicateKeys } from './only-duplicate-keys';
import { SessionDocument } from './training.schema';

/** Seat holders and the outbox stay in the database: no use case reads them. */
const STATE = { registeredIds: 0, outbox: 0 } as const;
const inSubtree = (areaId: string | null) =>
  areaId === null ? {} : { $or: [{ areaId }, { ancestors: areaId }] };

@Injectable()
export class SessionRepository implements SessionRepositoryPort {
  constructor(
    @InjectModel(SessionDocument.name) private readonly sessions: Model<SessionDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  findById(id: string): Promise<SessionState | null> {
    return this.sessions.findById(id, STATE).lean<SessionState>().exec();
  }

  async idsOfProgramme(programmeId: string): Promise<string[]> {
    const docs = await this.sessions.find({ programmeId }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return docs.map((s) => String(s._id));
  }

  async insertNew(sessions: readonly NewSession[]): Promise<void> {
    try {
      await this.outbox.bulk(
        this.sessions,
        sessions.map(({ session, events }) => ({
          insert: { ...session, registeredIds: [] },
          events,
        })),
      );
    } catch (error) {
      // A session another run wrote meanwhile keeps its own events; the writer has written and
      // announced the others before throwing.
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }

  save(
    id: string,
    guard: SessionGuard,
    change: SessionChange,
    events: readonly OutboxEntry[],
  ): Promise<SessionState | null> {
    const filter: Record<string, unknown> = { _id: id, status: guard.status };
    if (guard.startsAt) filter.startsAt = guard.startsAt;
    return this.outbox.update(this.sessions, filter, { $set: change }, events);
  }

  async awaitingInvitations(programmeId: string): Promise<SessionState[]> {
    const pending = await this.sessions
      .find({ programmeId, invitations: 'pending' }, STATE)
      .lean<SessionState[]>()
      .exec();
    return pending.sort((a, b) => (a._id < b._id ? -1 : 1));
  }

  async markInvitationsDone(id: string): Promise<boolean> {
    const marked = await this.sessions
      .updateOne({ _id: id, invitations: 'pending' }, { $set: { invitations: 'done' } })
      .exec();
    return marked.modifiedCount > 0;
  }

  async addInvited(id: string, count: number): Promise<void> {
    await this.sessions.updateOne({ _id: id }, { $inc: { invitedCount: count } }).exec();
  }

  async claimSeat(sessionId: string, memberId: string, capacity: number | null): Promise<boolean> {
    const filter: Record<string, unknown> = {
      _id: sessionId,
      status: 'scheduled',
      registeredIds: { $ne: memberId },
    };
    if (capacity !== null) filter.registeredCount = { $lt: capacity };
    const claimed = await this.sessions
      .updateOne(filter, { $push: { registeredIds: memberId }, $inc: { registeredCount: 1 } })
      .exec();
    if (claimed.modifiedCount > 0) return true;
    return (await this.sessions.countDocuments({ _id: sessionId, registeredIds: memberId }).exec()) > 0;
  }

  async releaseSeat(sessionId: string, memberId: string): Promise<boolean> {
    const released = await this.sessions
      .updateOne(
        { _id: sessionId, registeredIds: memberId },
        { $pullAll: { registeredIds: [memberId] }, $inc: { registeredCount: -1 } },
      )
      .exec();
    return released.modifiedCount > 0;
  }

  upcomingInvitedAt(
    programmeIds: readonly string[],
    areaIds: readonly string[],
    now: Date,
  ): Promise<SessionState[]> {
    return this.sessions
      .find(
        {
          programmeId: { $in: [...programmeIds] },
          status: 'scheduled',
          invitations: 'done',
          startsAt: { $gt: now },
          areaId: { $in: [...areaIds] },
        },
        STATE,
      )
      .lean<SessionState[]>()
      .exec();
  }

  pageOfProgramme(programmeId: string, subtreeOf: string | null, page: PageRequest): Promise<SessionState[]> {
    return this.sessions
      .find({ programmeId, ...inSubtree(subtreeOf), ...afterId(page.afterId) }, STATE)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<SessionState[]>()
      .exec();
  }

  allOfProgramme(programmeId: string, subtreeOf: string | null): Promise<SessionState[]> {
    return this.sessions
      .find({ programmeId, ...inSubtree(subtreeOf) }, STATE)
      .sort({ _id: 1 })
      .lean<SessionState[]>()
      .exec();
  }
}
