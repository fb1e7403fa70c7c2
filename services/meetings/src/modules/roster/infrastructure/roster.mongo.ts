import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { KnownMemberDocument } from './known-member.schema';
import type { PositionHolder, Roster, RosterMember } from './roster.port';

@Injectable()
export class RosterMongo implements Roster {
  constructor(@InjectModel(KnownMemberDocument.name) private readonly members: Model<KnownMemberDocument>) {}

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
          $set: {
            positions,
            positionTypes: [...new Set(positions.map((p) => p.type))],
            positionScopeKeys: [...new Set(positions.flatMap((p) => [p.areaId, ...p.ancestors]))],
          },
          $setOnInsert: {
            name: null,
            areaId: holder.areaId,
            ancestors: holder.ancestors,
            status: 'active',
            seen: [],
          },
        },
        { upsert: true },
      )
      .exec();
  }
}
