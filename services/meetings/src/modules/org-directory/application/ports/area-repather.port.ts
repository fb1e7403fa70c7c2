/**
 * Re-paths what this service stored under an area (meetings, photos) when org moves the area, so subtree
 * lists and scope checks follow the new hierarchy.
 */
export interface AreaRepatherPort {
  repath(movedId: string, newAncestors: readonly string[]): Promise<void>;
}

export const AREA_REPATHER = Symbol('AreaRepatherPort');
