import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConcurrentChangeError, NotFoundError, ValidationError } from '@sangathan/kernel';
import { outboxUpdate, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { AreaDocument, type BoothState } from '../../areas/infrastructure/area.schema';
import { Booth, foldCoverage, type Coverage } from '../domain/booth.entity';

/**
 * Booth coverage lives on the booth's own area document (`booth` field), so a change and its
 * events are one single-document write, and a subtree's coverage is one indexed scan of booths.
 */
@Injectable()
export class BoothRepository {
  constructor(@InjectModel(AreaDocument.name) private readonly areas: Model<AreaDocument>) {}

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
    const withOutbox = outboxUpdate(events);
    const result = await this.areas.collection.updateOne(
      { _id: s.boothId as never, version: version === 0 ? { $in: [0, null] } : version } as never,
      {
        $set: { booth: state, ...withOutbox.$set, updatedAt: new Date(), version: version + 1 },
        $push: withOutbox.$push,
      } as never,
    );
    if (result.matchedCount === 0) {
      throw new ConcurrentChangeError(
        'BOOTH_CHANGED',
        `booth ${s.boothId} changed meanwhile; reload and retry`,
        [{ field: 'boothId', message: 'concurrent update' }],
      );
    }
  }

  /** Coverage of every booth matching `filter` (an application-side fold; FerretDB's $group is limited). */
  async coverage(filter: Record<string, unknown>): Promise<Coverage> {
    const cursor = this.areas.collection.find(
      { ...filter, level: 'booth' },
      { projection: { booth: 1, ancestors: 1 }, batchSize: 5000 },
    );
    const rows: Booth['coverage'][] = [];
    for await (const doc of cursor) {
      const state = (doc.booth ?? {}) as Partial<BoothState>;
      rows.push(
        Booth.of({
          boothId: String(doc._id),
          ancestors: [],
          lokSabhaId: null,
          ...stripUndefined({
            committeeMemberIds: state.committeeMemberIds,
            committeeRequired: state.committeeRequired,
            volunteerIds: state.volunteerIds,
            volunteerTarget: state.volunteerTarget,
            whatsappGroups: state.whatsappGroups,
          }),
        }).coverage,
      );
    }
    return foldCoverage(rows);
  }
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}
