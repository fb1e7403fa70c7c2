import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { upsertIfNewer } from '@sangathan/persistence';
import type { Model } from 'mongoose';
import type {
  HeldPosition,
  MemberFields,
  PositionHolder,
  RosterMember,
  RosterPort,
} from '../application/ports/roster.port';
import { KnownMemberDocument } from './known-member.schema';

const NO_POSITIONS = { positions: [], positionTypes: [], positionScopeKeys: [] };
const UNKNOWN_MEMBER = { name: null, areaId: null, ancestors: [], status: 'active' };

/** The flattened fields the holder index reads, beside the positions themselves. */
const positionFields = (positions: readonly HeldPosition[]) => ({
  positions,
  positionTypes: [...new Set(positions.map((p) => p.type))],
  positionScopeKeys: [...new Set(positions.flatMap((p) => [p.areaId, ...p.ancestors]))],
});

@Injectable()
export class RosterRepository implements RosterPort, OnModuleInit {
  constructor(@InjectModel(KnownMemberDocument.name) private readonly members: Model<KnownMemberDocument>) {}

  /**
   * Members stored before the shared guard kept the last applied event id in `seen[0]`: carry it over, or
   * the guard would never match them again. A no-op once every document has `lastEventId`.
   */
  async onModuleInit(): Promise<void> {
    const legacy = await this.members.collection
      .find<{ _id: string; seen?: string[] }>({ lastEventId: { $exists: false } } as never, {
        projection: { seen: 1 },
      })
      .toArray();
    if (legacy.length === 0) return;
    await this.members.collection.bulkWrite(
      legacy.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id, lastEventId: { $exists: false } } as never,
          update: { $set: { lastEventId: doc.seen?.[0] ?? '' }, $unset: { seen: '' } },
        },
      })),
      { ordered: false },
    );
  }

  async findMembers(ids: readonly string[]): Promise<Map<string, RosterMember>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    // The driver directly (no mongoose query): this read is on the path of every request that names attendees.
    const docs = await this.members.collection
      .find<Pick<KnownMemberDocument, '_id' | 'areaId' | 'ancestors' | 'status'>>(
        { _id: { $in: unique } } as never,
        { projection: { areaId: 1, ancestors: 1, status: 1 } },
      )
      .toArray();
    return new Map(
      docs.map((d) => [
        d._id,
        { memberId: d._id, areaId: d.areaId, ancestors: d.ancestors ?? [], status: d.status },
      ]),
    );
  }

  async holders(areaId: string, positionTypes: readonly string[]): Promise<PositionHolder[]> {
    if (positionTypes.length === 0) return [];
    const docs = await this.members
      .find(
        { positionScopeKeys: areaId, positionTypes: { $in: [...positionTypes] }, status: 'active' },
        { positions: 1, name: 1 },
      )
      .lean<KnownMemberDocument[]>()
      .exec();
    const wanted = new Set(positionTypes);
    return docs.flatMap((d) =>
      (d.positions ?? [])
        .filter((p) => wanted.has(p.type) && (p.areaId === areaId || p.ancestors.includes(areaId)))
        .map((p) => ({
          memberId: d._id,
          name: d.name ?? null,
          positionType: p.type,
          areaId: p.areaId,
          ancestors: p.ancestors,
        })),
    );
  }

  async upsertPosition(holder: PositionHolder): Promise<void> {
    const positionId = `${holder.positionType}:${holder.areaId}`;
    const doc = await this.members.findById(holder.memberId).lean<KnownMemberDocument>().exec();
    const positions = [
      ...(doc?.positions ?? []).filter((p) => p.positionId !== positionId),
      {
        positionId,
        type: holder.positionType,
        areaId: holder.areaId,
        ancestors: holder.ancestors,
        since: new Date().toISOString(),
      },
    ];
    await this.members
      .updateOne(
        { _id: holder.memberId },
        {
          $set: positionFields(positions),
          $setOnInsert: {
            name: null,
            areaId: holder.areaId,
            ancestors: holder.ancestors,
            status: 'active',
            // Older than any event, so org's first event about this member applies.
            lastEventId: '',
          },
        },
        { upsert: true },
      )
      .exec();
  }

  async positionsOf(memberId: string): Promise<{ lastEventId: string; positions: HeldPosition[] } | null> {
    const doc = await this.members
      .findById(memberId, { positions: 1, lastEventId: 1 })
      .lean<Pick<KnownMemberDocument, 'positions' | 'lastEventId'>>()
      .exec();
    return doc ? { lastEventId: doc.lastEventId ?? '', positions: doc.positions ?? [] } : null;
  }

  applyMember(memberId: string, eventId: string, fields: MemberFields): Promise<boolean> {
    return upsertIfNewer(this.members, memberId, eventId, fields, NO_POSITIONS);
  }

  applyPositions(memberId: string, eventId: string, positions: readonly HeldPosition[]): Promise<boolean> {
    return upsertIfNewer(this.members, memberId, eventId, positionFields(positions), UNKNOWN_MEMBER);
  }
}
