import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { PageRequest } from '../application/ports/page-request';
import type { ProgrammeRepositoryPort } from '../application/ports/programme-repository.port';
import type { ProgrammeState, ProgrammeSummary } from '../domain/training-state';
import { afterId } from './after-id';
import { ProgrammeDocument } from './training.schema';

const WITHOUT_PLAN = { outbox: 0, plannedSessions: 0 } as const;
const leaseFree = (now: Date) => ({ $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] });

@Injectable()
export class ProgrammeRepository implements ProgrammeRepositoryPort {
  constructor(
    @InjectModel(ProgrammeDocument.name) private readonly programmes: Model<ProgrammeDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  findById(id: string): Promise<ProgrammeSummary | null> {
    return this.programmes.findById(id, WITHOUT_PLAN).lean<ProgrammeSummary>().exec();
  }

  async insert(programme: ProgrammeState, events: readonly OutboxEntry[]): Promise<void> {
    await this.outbox.insert(this.programmes, programme, events);
  }

  async findResumable(now: Date, limit: number): Promise<string[]> {
    const pending = await this.programmes
      .find({ materialisation: 'pending', ...leaseFree(now) }, { _id: 1 })
      .limit(limit)
      .lean<Pick<ProgrammeDocument, '_id'>[]>()
      .exec();
    return pending.map((p) => String(p._id));
  }

  claimLease(id: string, now: Date, until: Date): Promise<ProgrammeState | null> {
    return this.programmes
      .findOneAndUpdate(
        { _id: id, materialisation: 'pending', ...leaseFree(now) },
        { $set: { leaseUntil: until } },
        { new: true, projection: { outbox: 0 } },
      )
      .lean<ProgrammeState>()
      .exec();
  }

  async renewLease(id: string, until: Date): Promise<void> {
    await this.programmes.updateOne({ _id: id }, { $set: { leaseUntil: until } }).exec();
  }

  markMaterialised(id: string, at: Date): Promise<ProgrammeSummary | null> {
    return this.programmes
      .findOneAndUpdate(
        { _id: id, materialisation: 'pending' },
        { $set: { materialisation: 'done', materialisedAt: at, leaseUntil: null } },
        { new: true, projection: WITHOUT_PLAN },
      )
      .lean<ProgrammeSummary>()
      .exec();
  }

  async addInvited(id: string, count: number): Promise<void> {
    await this.programmes.updateOne({ _id: id }, { $inc: { invitedCount: count } }).exec();
  }

  async addSessionInvited(id: string): Promise<void> {
    await this.programmes.updateOne({ _id: id }, { $inc: { sessionsInvited: 1 } }).exec();
  }

  async idsInvitingPositionType(positionType: string): Promise<string[]> {
    const docs = await this.programmes
      .find({ audienceTypes: positionType }, { _id: 1 })
      .lean<Pick<ProgrammeDocument, '_id'>[]>()
      .exec();
    return docs.map((p) => String(p._id));
  }

  pageAround(
    area: { areaId: string; areaPath: readonly string[] },
    page: PageRequest,
  ): Promise<ProgrammeSummary[]> {
    return this.programmes
      .find(
        {
          ...afterId(page.afterId),
          $or: [{ areaId: area.areaId }, { ancestors: area.areaId }, { areaId: { $in: [...area.areaPath] } }],
        },
        WITHOUT_PLAN,
      )
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<ProgrammeSummary[]>()
      .exec();
  }
}
