/**
 * Re-paths what this service stored under an area (meetings, photos) when org moves the area, so subtree
 * lists and scope checks follow the new hierarchy.
 */
export interface AreaRepatherPort {
  /** Only what still lies under `movedId` at `previousAncestors` moves (a redelivered older move changes nothing). */
  repath(
    movedId: string,
    newAncestors: readonly string[],
    previousAncestors: readonly string[],
  ): Promise<void>;
}

export const AREA_REPATHER = Symbol('AreaRepatherPort');
