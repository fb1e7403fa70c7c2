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

/** Read access to the local roster (members and positions from org events). */
export interface Roster {
  findMembers(ids: readonly string[]): Promise<Map<string, RosterMember>>;
  /** Holders of the given position types whose position lies in the subtree of `areaId` (inclusive). */
  holders(areaId: string, positionTypes: readonly string[]): Promise<PositionHolder[]>;
  /** Records (or replaces) a member's position directly; used when org does not publish positions yet. */
  upsertPosition(holder: PositionHolder): Promise<void>;
}

export const ROSTER = Symbol('Roster');
