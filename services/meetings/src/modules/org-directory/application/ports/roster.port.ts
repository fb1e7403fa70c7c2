/** A member as attendance checks see them. */
export type RosterMember = { memberId: string; areaId: string | null; ancestors: string[]; status: string };

/** Someone who holds a position, for quota counting; `name` as org last published it, for reports. */
export type PositionHolder = {
  memberId: string;
  name?: string | null;
  positionType: string;
  areaId: string;
  ancestors: string[];
};

/** A position a member holds, as the roster knows it. */
export type HeldPosition = {
  positionId: string;
  type: string;
  areaId: string;
  ancestors: string[];
  since: string;
};

/** What org publishes of a member and the roster keeps. */
export type MemberFields = { name: string | null; areaId: string; ancestors: string[]; status: string };

/** The org-directory's members: home areas and positions from org's member and position events. */
export interface RosterPort {
  findMembers(ids: readonly string[]): Promise<Map<string, RosterMember>>;
  /** Holders of the given position types whose position lies in the subtree of `areaId` (inclusive). */
  holders(areaId: string, positionTypes: readonly string[]): Promise<PositionHolder[]>;
  /** Records (or replaces) a member's position directly; used when org does not publish positions yet. */
  upsertPosition(holder: PositionHolder): Promise<void>;
  /** The positions a member holds and the id of the last event applied to them, or null for an unknown member. */
  positionsOf(memberId: string): Promise<{ lastEventId: string; positions: HeldPosition[] } | null>;
  /** Applies org's snapshot of a member if `eventId` is newer than the last event applied to it. */
  applyMember(memberId: string, eventId: string, fields: MemberFields): Promise<boolean>;
  /** Replaces a member's positions if `eventId` is newer than the last event applied to it. */
  applyPositions(memberId: string, eventId: string, positions: readonly HeldPosition[]): Promise<boolean>;
}

export const ROSTER = Symbol('RosterPort');
