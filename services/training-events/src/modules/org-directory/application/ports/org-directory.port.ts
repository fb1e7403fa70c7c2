import type { AreaLevel } from '@sangathan/contracts';

/** An area of the org hierarchy as training reads it. */
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
export type AudienceMember = {
  memberId: string;
  positionId: string;
  memberAreaId: string;
  name: string;
  nameAlt: string | null;
};

export type KnownMember = {
  memberId: string;
  name: string;
  nameAlt: string | null;
  status: string;
  areaId: string;
  ancestors: string[];
};

/** What an org area event says about the area (the fields training keeps). */
export type AreaFacts = Omit<KnownArea, 'areaId'> & { parentId: string | null };

/** A single-holder position and who holds it (null: vacant). */
export type PositionFacts = { type: string; areaId: string; ancestors: string[]; memberId: string | null };

export type MemberFacts = Omit<KnownMember, 'memberId'>;

/**
 * Training's local read model of org data (areas, members, position holders), fed only by org events.
 * Every `apply*` write is guarded by event order (UUIDv7 event ids): a repeated or older event changes
 * nothing and answers false.
 */
export interface OrgDirectoryPort {
  findArea(areaId: string): Promise<KnownArea | null>;
  findAreas(ids: readonly string[]): Promise<KnownArea[]>;
  /** Every area of `level` inside `rootId`'s subtree (or `rootId` itself), in id order. */
  areasAtLevelUnder(level: AreaLevel, rootId: string): Promise<KnownArea[]>;
  /**
   * Maps every root id whose subtree counts as part of one of `areas` to that area: a Lok Sabha seat
   * covers itself plus the assembly seats cross-linked to it.
   */
  coverageMap(areas: readonly KnownArea[]): Promise<Map<string, string>>;
  /** True if the member's home area lies in `areaId`'s subtree or, for a Lok Sabha seat, in one of its assembly seats. */
  livesIn(member: KnownMember, areaId: string): Promise<boolean>;
  /** How many filled audience positions lie in the covered areas (a cheap "matches nobody" check). */
  countAudience(types: readonly string[], coverage: ReadonlyMap<string, string>): Promise<number>;
  /** Active members holding one of `types`, grouped by the covered area they fall in (each member once per area). */
  audienceByArea(
    types: readonly string[],
    coverage: ReadonlyMap<string, string>,
  ): Promise<Map<string, AudienceMember[]>>;
  findMember(memberId: string): Promise<KnownMember | null>;

  applyArea(areaId: string, eventId: string, facts: AreaFacts): Promise<boolean>;
  /** Re-paths areas and positions under a moved area: what came before it becomes `newAncestors`. */
  repathUnder(areaId: string, newAncestors: readonly string[]): Promise<void>;
  applyPosition(positionId: string, eventId: string, facts: PositionFacts): Promise<boolean>;
  applyMember(memberId: string, eventId: string, facts: MemberFacts): Promise<boolean>;
}

export const ORG_DIRECTORY = Symbol('OrgDirectoryPort');
