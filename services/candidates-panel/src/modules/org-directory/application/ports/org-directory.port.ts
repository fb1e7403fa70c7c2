import type { AreaLevel } from '@sangathan/contracts';

/** An area as the panel service knows it from org's events. */
export type DirectoryArea = {
  areaId: string;
  level: AreaLevel;
  /** Root first, excluding the area. */
  ancestors: string[];
  /** For assembly seats and below: the Lok Sabha seat they lie in. */
  lokSabhaId: string | null;
  nameEn: string;
  nameHi: string | null;
};

/** A seat with the zone that holds it (for a Lok Sabha seat: the zone of most of its assembly segments). */
export type SeatPlacement = {
  seatId: string;
  seatLevel: 'lok-sabha' | 'assembly';
  seatAncestors: string[];
  zoneId: string;
  zoneAncestors: string[];
};

export type DirectoryMember = {
  memberId: string;
  name: string;
  status: 'active' | 'inactive' | 'replaced';
  areaId: string;
  ancestors: string[];
};

/** Org's hierarchy, members and positions as this service reads them (the `org-directory` read model). */
export interface OrgDirectoryPort {
  area(areaId: string): Promise<DirectoryArea | null>;
  /** English and Hindi names of these areas (seat names are public geography; unknown ids are left out). */
  names(areaIds: readonly string[]): Promise<Map<string, { nameEn: string; nameHi: string | null }>>;
  /** Null when the area is unknown, is not a seat, or no zone holds it yet. */
  placeSeat(seatId: string): Promise<SeatPlacement | null>;
  member(memberId: string): Promise<DirectoryMember | null>;
  /** Member currently holding `<type>:<areaId>`, or null. */
  holderOf(positionId: string): Promise<string | null>;
  /** Whether `memberId` currently holds a position of `type` anywhere. */
  holdsPositionType(memberId: string, type: string): Promise<boolean>;
}

/** The writes the org event controller makes, each guarded by the event id (idempotent, newest wins). */
export interface OrgDirectoryWriterPort {
  applyArea(eventId: string, area: DirectoryArea & { parentId: string | null }): Promise<void>;
  /** Moves an area and re-paths its subtree (only documents still under `previousAncestors`). */
  applyAreaMove(
    eventId: string,
    area: DirectoryArea & { parentId: string | null },
    previousAncestors: readonly string[],
  ): Promise<void>;
  applyMember(eventId: string, member: DirectoryMember): Promise<void>;
  applyPosition(
    eventId: string,
    position: { positionId: string; type: string; areaId: string; memberId: string | null },
  ): Promise<void>;
}

export const ORG_DIRECTORY = Symbol('ORG_DIRECTORY');
export const ORG_DIRECTORY_WRITER = Symbol('ORG_DIRECTORY_WRITER');
