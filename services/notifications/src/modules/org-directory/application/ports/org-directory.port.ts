/** A member as notifications needs them: how to address them and where they sit. */
export type DirectoryMember = {
  memberId: string;
  name: string;
  nameAlt: string | null;
  status: string;
  areaId: string;
  ancestors: string[];
};

export type DirectoryArea = {
  areaId: string;
  level: string;
  ancestors: string[];
  nameEn: string;
  nameHi: string | null;
};

/** A position holder found by type over an area and its ancestors. */
export type PositionHolder = { positionId: string; type: string; areaId: string; memberId: string };

/**
 * Notifications' read model of org (`org-directory`), built from org's area, member and position events.
 * Contact details (phone, e-mail) and language are not in org's events: they live in the member's
 * notification preferences.
 */
export interface OrgDirectoryPort {
  members(memberIds: readonly string[]): Promise<Map<string, DirectoryMember>>;
  areas(areaIds: readonly string[]): Promise<Map<string, DirectoryArea>>;
  /** Holders of positions of `type` at any of `areaIds` (vacant positions excluded). */
  holders(type: string, areaIds: readonly string[]): Promise<PositionHolder[]>;
}
export const ORG_DIRECTORY_PORT = Symbol('OrgDirectoryPort');
