import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AreaLevel } from '@sangathan/contracts';
import { repathDescendants, upsertIfNewer } from '@sangathan/persistence';
import type { Model } from 'mongoose';
import type {
  AreaFacts,
  AudienceMember,
  KnownArea,
  KnownMember,
  MemberFacts,
  OrgDirectoryPort,
  PositionFacts,
} from '../application/ports/org-directory.port';
import { KnownAreaDocument, KnownMemberDocument, KnownPositionDocument } from './org-directory.schema';

/**
 * Training's local copy of org data, in MongoDB. Lok Sabha seats sit under the state in the
 * primary tree while their assembly seats sit under districts, so "who is in seat X" means: the
 * seat itself plus the subtrees of the assembly seats cross-linked to it (`lokSabhaId`).
 */
@Injectable()
export class OrgDirectoryRepository implements OrgDirectoryPort {
  constructor(
    @InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>,
    @InjectModel(KnownMemberDocument.name) private readonly members: Model<KnownMemberDocument>,
    @InjectModel(KnownPositionDocument.name) private readonly positions: Model<KnownPositionDocument>,
  ) {}

  async findArea(areaId: string): Promise<KnownArea | null> {
    const doc = await this.areas.findById(areaId).lean<KnownAreaDocument>().exec();
    return doc ? toArea(doc) : null;
  }

  async findAreas(ids: readonly string[]): Promise<KnownArea[]> {
    if (ids.length === 0) return [];
    const docs = await this.areas
      .find({ _id: { $in: [...ids] } })
      .lean<KnownAreaDocument[]>()
      .exec();
    return docs.map(toArea);
  }

  /** Every area of `level` inside `rootId`'s subtree (or `rootId` itself), in id order. */
  async areasAtLevelUnder(level: AreaLevel, rootId: string): Promise<KnownArea[]> {
    const [root, below] = await Promise.all([
      this.areas.findById(rootId).lean<KnownAreaDocument>().exec(),
      this.areas.find({ level, ancestors: rootId }).lean<KnownAreaDocument[]>().exec(),
    ]);
    const docs = root?.level === level ? [root, ...below] : below;
    return docs.map(toArea).sort(byId((a) => a.areaId));
  }

  /**
   * Coverage of many areas at once (one query, not one per area): maps every root id whose subtree
   * counts as part of an area to that area. A Lok Sabha seat covers itself plus the assembly seats
   * cross-linked to it.
   */
  async coverageMap(areas: readonly KnownArea[]): Promise<Map<string, string>> {
    const map = new Map<string, string>(areas.map((a) => [a.areaId, a.areaId]));
    const seats = areas.filter((a) => a.level === 'lok-sabha').map((a) => a.areaId);
    if (seats.length) {
      const assemblies = await this.areas
        .find({ level: 'assembly', lokSabhaId: { $in: seats } }, { _id: 1, lokSabhaId: 1 })
        .lean<{ _id: string; lokSabhaId: string }[]>()
        .exec();
      for (const assembly of assemblies) map.set(assembly._id, assembly.lokSabhaId);
    }
    return map;
  }

  /** True if the member's home area lies in `areaId`'s subtree or, for a Lok Sabha seat, in one of its assembly seats. */
  async livesIn(member: KnownMember, areaId: string): Promise<boolean> {
    if (member.areaId === areaId || member.ancestors.includes(areaId)) return true;
    const area = await this.findArea(areaId);
    if (area?.level !== 'lok-sabha') return false;
    const coverage = await this.coverageMap([area]);
    return [member.areaId, ...member.ancestors].some((id) => coverage.has(id));
  }

  /**
   * Filled positions of `types`, each assigned to the covered area it lies in (its own area or the
   * nearest covered ancestor). One scan of the positions for the whole plan.
   */
  private async positionsByArea(
    types: readonly string[],
    coverage: ReadonlyMap<string, string>,
  ): Promise<Map<string, HeldPosition[]>> {
    const positions = await this.positions
      .find({ type: { $in: [...types] } }, { memberId: 1, areaId: 1, ancestors: 1 })
      .lean<{ _id: string; memberId: string | null; areaId: string; ancestors: string[] }[]>()
      .exec();
    const byArea = new Map<string, HeldPosition[]>();
    for (const position of positions.sort(byId((p) => p._id))) {
      if (position.memberId === null) continue; // vacant
      const root = [position.areaId, ...[...position.ancestors].reverse()].find((id) => coverage.has(id));
      if (!root) continue;
      const areaId = coverage.get(root)!;
      let list = byArea.get(areaId);
      if (!list) byArea.set(areaId, (list = []));
      list.push({ _id: position._id, memberId: position.memberId, areaId: position.areaId });
    }
    return byArea;
  }

  /** How many filled audience positions lie in the covered areas (a cheap "matches nobody" check). */
  async countAudience(types: readonly string[], coverage: ReadonlyMap<string, string>): Promise<number> {
    let count = 0;
    for (const list of (await this.positionsByArea(types, coverage)).values()) count += list.length;
    return count;
  }

  /**
   * Active members holding one of `types`, grouped by the covered area they fall in. A member
   * holding two matching positions in one area is listed once (the first position by id). Holders
   * org has not described yet are invited under their member id; inactive members are skipped.
   */
  async audienceByArea(
    types: readonly string[],
    coverage: ReadonlyMap<string, string>,
  ): Promise<Map<string, AudienceMember[]>> {
    const byArea = await this.positionsByArea(types, coverage);
    const memberIds = [...new Set([...byArea.values()].flat().map((p) => p.memberId))];
    const known = new Map<string, KnownMemberDocument>();
    for (let i = 0; i < memberIds.length; i += 5000) {
      const people = await this.members
        .find({ _id: { $in: memberIds.slice(i, i + 5000) } }, { name: 1, nameAlt: 1, status: 1 })
        .lean<KnownMemberDocument[]>()
        .exec();
      for (const person of people) known.set(person._id, person);
    }
    const result = new Map<string, AudienceMember[]>();
    for (const [areaId, positions] of byArea) {
      const seen = new Set<string>();
      const list: AudienceMember[] = [];
      for (const position of positions) {
        const member = known.get(position.memberId);
        if (seen.has(position.memberId) || (member && member.status !== 'active')) continue;
        seen.add(position.memberId);
        list.push({
          memberId: position.memberId,
          positionId: position._id,
          memberAreaId: position.areaId,
          name: member?.name ?? position.memberId,
          nameAlt: member?.nameAlt ?? null,
        });
      }
      result.set(areaId, list);
    }
    return result;
  }

  async findMember(memberId: string): Promise<KnownMember | null> {
    const doc = await this.members.findById(memberId).lean<KnownMemberDocument>().exec();
    return doc
      ? {
          memberId: doc._id,
          name: doc.name,
          nameAlt: doc.nameAlt,
          status: doc.status,
          areaId: doc.areaId,
          ancestors: doc.ancestors,
        }
      : null;
  }

  applyArea(areaId: string, eventId: string, facts: AreaFacts): Promise<boolean> {
    return upsertIfNewer(this.areas, areaId, eventId, facts);
  }

  async repathUnder(areaId: string, newAncestors: readonly string[]): Promise<void> {
    await repathDescendants(this.areas, areaId, newAncestors);
    await repathDescendants(this.positions, areaId, newAncestors);
  }

  applyPosition(positionId: string, eventId: string, facts: PositionFacts): Promise<boolean> {
    return upsertIfNewer(this.positions, positionId, eventId, facts);
  }

  applyMember(memberId: string, eventId: string, facts: MemberFacts): Promise<boolean> {
    return upsertIfNewer(this.members, memberId, eventId, facts);
  }
}

type HeldPosition = { _id: string; memberId: string; areaId: string };

const byId =
  <T>(id: (item: T) => string) =>
  (a: T, b: T): number =>
    id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

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
