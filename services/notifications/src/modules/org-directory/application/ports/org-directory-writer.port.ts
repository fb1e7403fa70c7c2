import type { DirectoryArea, DirectoryMember } from './org-directory.port';

/** How org's events are folded into org-directory: each write applies only if its event is newer. */
export interface OrgDirectoryWriterPort {
  upsertArea(eventId: string, area: DirectoryArea): Promise<boolean>;
  /** Applies the move and re-paths everything under the area. */
  moveArea(eventId: string, area: DirectoryArea): Promise<void>;
  upsertMember(eventId: string, member: DirectoryMember): Promise<boolean>;
  upsertPosition(
    eventId: string,
    position: {
      positionId: string;
      type: string;
      areaId: string;
      ancestors: string[];
      memberId: string | null;
    },
  ): Promise<boolean>;
}
export const ORG_DIRECTORY_WRITER_PORT = Symbol('OrgDirectoryWriterPort');
