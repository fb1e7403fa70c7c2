import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import { subtreeFilter, toPage } from '../../../../common/subtree';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { memberView, type MemberView } from '../../application/member.view';
import { MEMBER_REPOSITORY, type MemberRepositoryPort } from '../../application/ports/member.repository.port';
import type { ListMembersQueryDto } from './list-members.dto';
import { memberListQuery } from './list-members.query';

@Injectable()
export class ListMembersHandler {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  async execute(query: ListMembersQueryDto, principal: Principal): Promise<Page<MemberView>> {
    const scope = await subtreeFilter(principal, 'org:read', query.under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    const rows = await this.members.list(memberListQuery(scope, query, new Date()), query.limit + 1);
    return toPage(rows, query.limit, memberView);
  }
}
