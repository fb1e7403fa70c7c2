import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AreaLevel } from '@sangathan/contracts';
import { repathDescendants, upsertIfNewer } from '@sangathan/persistence';
import type { Model } from 'mongoose';
import type {
  DirectoryArea,
  DirectoryMember,
  OrgDirectoryPort,
  OrgDirectoryWriterPort,
  SeatPlacement,
} from '../application/ports/org-directory.port';
import {
  DirectoryAreaDocument,
  DirectoryMemberDocument,
  DirectoryPositionDocument,
} from './org-directory.schema';

type Lean<T> = T & { _id: string };

@Injectable()
export class OrgDirectoryRepository implements OrgDirectoryPort, OrgDirectoryWriterPort {
  constructor(
    @InjectModel(DirectoryAreaDocument.name) private readonly areas: Model<DirectoryAreaDocument>,
    @InjectModel(DirectoryMemberDocument.name) private readonly members: Model<DirectoryMemberDocument>,
    @InjectModel(DirectoryPositionDocument.name) private readonly positions: Model<DirectoryPositionDocument>,
  ) {}

  async names(areaIds: readonly string[]): Promise<Map<string, { nameEn: string; nameHi: string | null }>> {
    const docs = await this.areas
      .find({ _id: { $in: [...new Set(areaIds)] } }, { nameEn: 1, nameHi: 1 })
      .lean<Lean<DirectoryAreaDocument>[]>()
      .exec();
    return new Map(docs.map((d) => [d._id, { nameEn: d.nameEn ?? d._id, nameHi: d.nameHi ?? null }]));
  }

  async area(areaId: string): Promise<DirectoryArea | null> {
    const doc = await this.areas.findById(areaId).lean<Lean<DirectoryAreaDocument>>().exec();
    return doc
      ? {
          areaId: doc._id,
          level: doc.level as AreaLevel,
          ancestors: doc.ancestors,
          lokSabhaId: doc.lokSabhaId ?? null,
          nameEn: doc.nameEn ?? doc._id,
          nameHi: doc.nameHi ?? null,
        }
      : null;
  }

  async placeSeat(seatId: string): Promise<SeatPlacement | null> {
    const seat = await this.area(seatId);
    if (!seat || (seat.level !== 'lok-sabha' && seat.level !== 'assembly')) return null;
    // A Lok Sabha seat sits under the state in org's tree; its assembly segments sit under districts of zones.
    const paths =
      seat.level === 'assembly'
        ? [seat.ancestors]
        : (
            await this.areas
              .find({ lokSabhaId: seatId, level: 'assembly' }, { ancestors: 1 })
              .lean<Lean<DirectoryAreaDocument>[]>()
              .exec()
          ).map((segment) => segment.ancestors);
    const weight = new Map<string, number>();
    for (const path of paths) for (const id of path) weight.set(id, (weight.get(id) ?? 0) + 1);
    if (weight.size === 0) return null;
    const zones = await this.areas
      .find({ _id: { $in: [...weight.keys()] }, level: 'zone' }, { ancestors: 1 })
      .lean<Lean<DirectoryAreaDocument>[]>()
      .exec();
    const zone = zones.sort(
      (a, b) => (weight.get(b._id) ?? 0) - (weight.get(a._id) ?? 0) || a._id.localeCompare(b._id),
    )[0];
    if (!zone) return null;
    return {
      seatId,
      seatLevel: seat.level,
      seatAncestors: seat.ancestors,
      zoneId: zone._id,
      zoneAncestors: zone.ancestors,
    };
  }

  async member(memberId: string): Promise<DirectoryMember | null> {
    const doc = await this.members.findById(memberId).lean<Lean<DirectoryMemberDocument>>().exec();
    return doc
      ? {
          memberId: doc._id,
          name: doc.name,
          status: doc.status as DirectoryMember['status'],
          areaId: doc.areaId,
          ancestors: doc.ancestors,
        }
      : null;
  }

  async holderOf(positionId: string): Promise<string | null> {
    const doc = await this.positions.findById(positionId, { memberId: 1 }).lean().exec();
    return doc?.memberId ?? null;
  }

  async holdsPositionType(memberId: string, type: string): Promise<boolean> {
    return (await this.positions.exists({ memberId, type }).exec()) !== null;
  }

  async applyArea(eventId: string, area: DirectoryArea & { parentId: string | null }): Promise<void> {
    await upsertIfNewer(this.areas, area.areaId, eventId, {
      level: area.level,
      parentId: area.parentId,
      ancestors: area.ancestors,
      lokSabhaId: area.lokSabhaId,
      nameEn: area.nameEn,
      nameHi: area.nameHi,
    });
  }

  async applyAreaMove(
    eventId: string,
    area: DirectoryArea & { parentId: string | null },
    previousAncestors: readonly string[],
  ): Promise<void> {
    await this.applyArea(eventId, area);
    await repathDescendants(this.areas, area.areaId, area.ancestors, previousAncestors);
    await repathDescendants(this.members, area.areaId, area.ancestors, previousAncestors);
    // Members keep their home area's ancestors, which exclude the area itself: those living in the moved area.
    await this.members
      .updateMany(
        { areaId: area.areaId, ancestors: [...previousAncestors] },
        { $set: { ancestors: area.ancestors } },
      )
      .exec();
  }

  async applyMember(eventId: string, member: DirectoryMember): Promise<void> {
    await upsertIfNewer(this.members, member.memberId, eventId, {
      name: member.name,
      status: member.status,
      areaId: member.areaId,
      ancestors: member.ancestors,
    });
  }

  async applyPosition(
    eventId: string,
    position: { positionId: string; type: string; areaId: string; memberId: string | null },
  ): Promise<void> {
    await upsertIfNewer(this.positions, position.positionId, eventId, {
      type: position.type,
      areaId: position.areaId,
      memberId: position.memberId,
    });
  }
}
