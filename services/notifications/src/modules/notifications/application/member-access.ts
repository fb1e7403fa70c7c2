import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import type { Permission } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import {
  ORG_DIRECTORY_PORT,
  type DirectoryMember,
  type OrgDirectoryPort,
} from '../../org-directory/application/ports/org-directory.port';

/**
 * Who may look at or change a member's notifications: the member themself, or someone holding `permission`
 * over the member's home area. The member must exist in org-directory (404 otherwise).
 */
@Injectable()
export class MemberAccess {
  constructor(@Inject(ORG_DIRECTORY_PORT) private readonly directory: OrgDirectoryPort) {}

  async assert(principal: Principal, memberId: string, permission: Permission): Promise<DirectoryMember> {
    const member = (await this.directory.members([memberId])).get(memberId);
    if (!member) throw new NotFoundError('member', memberId);
    if (principal.sub !== memberId)
      assertCan(principal, permission, { areaId: member.areaId, ancestors: member.ancestors });
    return member;
  }
}
