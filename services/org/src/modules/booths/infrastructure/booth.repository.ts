import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConcurrentChangeError, NotFoundError, ValidationError } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Document } from 'mongodb';
import type { Model } from 'mongoose';
import { AreaDocument, type BoothState } from '../../areas/infrastructure/area.schema';
import type { BoothRepositoryPort } from '../application/ports/booth.repository.port';
import {
  Booth,
  coverageOf,
  DEFAULT_COMMITTEE_SIZE,
  DEFAULT_VOLUNTEER_TARGET,
  type Coverage,
  type CoverageTotals,
} from '../domain/booth.entity';

/**
 * Booth coverage lives on the booth's own area document (`booth` field), so a change and its
 * events are one single-document write, and a subtree's coverage is one aggregation over its booths.
 */
@Injectable()
export class BoothRepository implements BoothRepositoryPort {
  constructor(
    @InjectModel(AreaDocument.name) private readonly areas: Model<AreaDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async load(boothId: string): Promise<{ booth: Booth; version: number }> {
    const doc = await this.areas.collection.findOne(
      { _id: boothId as never },
      { projection: { level: 1, ancestors: 1, lokSabhaId: 1, booth: 1, version: 1 } },
    );
    if (!doc) throw new NotFoundError('booth', boothId);
    if (doc.level !== 'booth') {
      throw new ValidationError('NOT_A_BOOTH', `${boothId} is a ${String(doc.level)}, not a booth`, [
        { field: 'boothId', message: 'must be a booth area' },
      ]);
    }
    const state = (doc.booth ?? {}) as Partial<BoothState>;
    const booth = Booth.of({
      boothId,
      ancestors: doc.ancestors,
      lokSabhaId: doc.lokSabhaId ?? null,
      ...stripUndefined({
        committeeMemberIds: state.committeeMemberIds,
        committeeRequired: state.committeeRequired,
        committeeFormedAt: state.committeeFormedAt ?? undefined,
        volunteerIds: state.volunteerIds,
        volunteerTarget: state.volunteerTarget,
        whatsappGroups: state.whatsappGroups,
      }),
    });
    return { booth, version: (doc.version as number | undefined) ?? 0 };
  }

  async save(booth: Booth, version: number, events: OutboxEntry[]): Promise<void> {
    const s = booth.snapshot;
    const state: BoothState = {
      committeeMemberIds: s.committeeMemberIds,
      committeeRequired: s.committeeRequired,
      committeeFormedAt: s.committeeFormedAt,
      volunteerIds: s.volunteerIds,
      volunteerTarget: s.volunteerTarget,
      whatsappGroups: s.whatsappGroups,
    };
    const written = await this.outbox.update(
      this.areas,
      { _id: s.boothId, version: version === 0 ? { $in: [0, null] } : version } as never,
      { $set: { booth: state, version: version + 1 } },
      events,
    );
    if (written === null) {
      throw new ConcurrentChangeError(
        'BOOTH_CHANGED',
        `booth ${s.boothId} changed meanwhile; reload and retry`,
        [{ field: 'boothId', message: 'concurrent update' }],
      );
    }
  }

  /** Coverage of every booth matching `filter`: one aggregation (a booth without coverage state counts with the defaults). */
  async coverage(filter: Record<string, unknown>): Promise<Coverage> {
    const [totals] = await this.areas.collection
      .aggregate<CoverageTotals>(coveragePipeline(filter))
      .toArray();
    return coverageOf(
      totals ?? {
        booths: 0,
        committeesFormed: 0,
        volunteers: 0,
        volunteerTarget: 0,
        boothsWithWhatsapp: 0,
        whatsappGroups: 0,
        whatsappMembers: 0,
      },
    );
  }
}

/** Sums the coverage of the booths matching `filter`, volunteers counted up to each booth's target. */
export function coveragePipeline(filter: Record<string, unknown>): Document[] {
  return [
    { $match: { ...filter, level: 'booth' } },
    {
      $project: {
        committee: { $size: { $ifNull: ['$booth.committeeMemberIds', []] } },
        required: { $ifNull: ['$booth.committeeRequired', DEFAULT_COMMITTEE_SIZE] },
        volunteers: { $size: { $ifNull: ['$booth.volunteerIds', []] } },
        target: { $ifNull: ['$booth.volunteerTarget', DEFAULT_VOLUNTEER_TARGET] },
        groups: { $ifNull: ['$booth.whatsappGroups', []] },
      },
    },
    {
      $group: {
        _id: null,
        booths: { $sum: 1 },
        committeesFormed: { $sum: { $cond: [{ $gte: ['$committee', '$required'] }, 1, 0] } },
        volunteers: { $sum: { $min: ['$volunteers', '$target'] } },
        volunteerTarget: { $sum: '$target' },
        boothsWithWhatsapp: { $sum: { $cond: [{ $gt: [{ $size: '$groups' }, 0] }, 1, 0] } },
        whatsappGroups: { $sum: { $size: '$groups' } },
        whatsappMembers: { $sum: { $sum: '$groups.memberCount' } },
      },
    },
    { $project: { _id: 0 } },
  ];
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}
