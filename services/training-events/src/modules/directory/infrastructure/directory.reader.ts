import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AreaLevel } from '@sangathan/contracts';
import type { Model } from 'mongoose';
import { KnownAreaDocument, KnownMemberDocument, KnownPositionDocument } from './directory.schemas';

export type KnownArea = {
  areaId: string;
  level: AreaLevel;
  ancestors: string[];
  nameEn: string;
  nameHi: string | null;
  lokSabhaId: string | null;
  boothCount: number | null;
  voterCount: number | null;
};

/** A member holding an audience position, ready to be invited. */
export type AudienceMember = { memberId: string; positionId: string; positionAreaId: string; name: string; nameAlt: string | null };

export type KnownMember = { memberId: string; name: string; nameAlt: string | null; status: string; areaId: string; ancestors: string[] };

/**
 * Queries over training's local copy of org data. Lok Sabha seats sit under the state in the
 * primary tree while their assembly seats sit under districts, so "who is in seat X" means: the
 * seat itself plus the subtrees of the assembly seats cross-linked to it (`lokSabhaId`).
 */
@Injectable()
export class DirectoryReader {
  constructor(
    @InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>,
    @InjectModel(KnownMemberDocument.name) private readonly members: Model<KnownMemberDocument>,
    @InjectModel(KnownPositionDocument.name) private readonly positions: Model<KnownPositionDocument>,
  ) {}

  async findArea(areaId: string): Promise<KnownArea | null> {
    const doc = await this.areas.findById(areaId).lean<KnownAreaDocument>().exec();
    return doc ? toArea(doc) : null;
  }

  /** Every area of `level` inside `rootId`'s subtree (or `rootId` itself), in id order. */
  async areasAtLevelUnder(level: AreaLevel, rootId: string): Promise<KnownArea[]> {
    const docs = await this.areas
      .find({ level, $or: [{ _id: rootId }, { ancestors: rootId }] })
      .sort({ _id: 1 })
      .lean<KnownAreaDocument[]>()
      .exec();
    return docs.map(toArea);
  }

  /** Root ids whose subtrees (plus the roots themselves) make up `area` for invitations. */
  async coverageOf(area: KnownArea): Promise<string[]> {
    if (area.level !== 'lok-sabha') return [area.areaId];
    const assemblies = await this.areas.find({ level: 'assembly', lokSabhaId: area.areaId }, { _id: 1 }).lean().exec();
    return [area.areaId, ...assemblies.map((a) => String(a._id))];
  }

  private audienceFilter(types: readonly string[], coverage: readonly string[]): Record<string, unknown> {
    return { type: { $in: [...types] }, memberId: { $ne: null }, $or: [{ areaId: { $in: [...coverage] } }, { ancestors: { $in: [...coverage] } }] };
  }

  /** How many filled audience positions lie in the coverage (active or not: a cheap "matches nobody" check). */
  async countAudience(types: readonly string[], coverage: readonly string[]): Promise<number> {
    return this.positions.countDocuments(this.audienceFilter(types, coverage)).exec();
  }

  /**
   * Active members holding one of `types` inside the coverage. One member holding two matching
   * positions is listed once (the first position by id).
   */
  async audience(types: readonly string[], coverage: readonly string[]): Promise<AudienceMember[]> {
    const held = await this.positions
      .find(this.audienceFilter(types, coverage), { memberId: 1, areaId: 1 })
      .sort({ _id: 1 })
      .lean<{ _id: string; memberId: string; areaId: string }[]>()
      .exec();
    const byMember = new Map<string, { positionId: string; areaId: string }>();
    for (const p of held) if (!byMember.has(p.memberId)) byMember.set(p.memberId, { positionId: p._id, areaId: p.areaId });
    const result: AudienceMember[] = [];
    const ids = [...byMember.keys()];
    for (let i = 0; i < ids.length; i += 2000) {
      const chunk = ids.slice(i, i + 2000);
      const people = await this.members.find({ _id: { $in: chunk } }, { name: 1, nameAlt: 1, status: 1 }).lean<KnownMemberDocument[]>().exec();
      const known = new Map(people.map((m) => [m._id, m]));
      for (const memberId of chunk) {
        const member = known.get(memberId);
        // A position holder org has not told us about yet is invited under their member id; an inactive one is skipped.
        if (member && member.status !== 'active') continue;
        const position = byMember.get(memberId)!;
        result.push({ memberId, positionId: position.positionId, positionAreaId: position.areaId, name: member?.name ?? memberId, nameAlt: member?.nameAlt ?? null });
      }
    }
    return result;
  }

  async findMember(memberId: string): Promise<KnownMember | null> {
    const doc = await this.members.findById(memberId).lean<KnownMemberDocument>().exec();
    return doc ? { memberId: doc._id, name: doc.name, nameAlt: doc.nameAlt, status: doc.status, areaId: doc.areaId, ancestors: doc.ancestors } : null;
  }
}

function toArea(doc: KnownAreaDocument): KnownArea {
  return {
    areaId: doc._id,
    level: doc.level as AreaLevel,
    ancestors: doc.ancestors,
    nameEn: doc.nameEn,
    nameHi: doc.nameHi,
    lokSabhaId: doc.lokSabhaId ?? null,
    boothCount: doc.boothCount ?? null,
    voterCount: doc.voterCount ?? null,
  };
}
