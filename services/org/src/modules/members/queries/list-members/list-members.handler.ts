import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import {
  afterCursor,
  allConditions,
  namePrefixFilter,
  subtreeFilter,
  toPage,
} from '../../../../common/subtree';
import { AREA_REPOSITORY, type AreaRepository } from '../../../areas/infrastructure/area.repository.port';
import { PhoneNumber } from '../../domain/phone-number.value-object';
import { MemberMapper, type MemberView } from '../../infrastructure/member.mapper';
import { MEMBER_REPOSITORY, type MemberRepository } from '../../infrastructure/member.repository.port';
import type { ListMembersQueryDto } from './list-members.dto';

const DAY_MS = 24 * 3600_000;

/** The members query of a list: the subtree (`scope`) and every filter given. */
export function memberListQuery(
  scope: Record<string, unknown>,
  query: Omit<ListMembersQueryDto, 'limit'>,
  now: Date,
): Record<string, unknown> {
  // "Not active for N days": active members whose last activity (or, never active, whose joining) is older than the cut-off.
  const cutoff = query.inactiveDays ? new Date(now.getTime() - query.inactiveDays * DAY_MS) : null;
  return allConditions(
    scope,
    query.status ? { status: query.status } : {},
    query.kind ? { kind: query.kind } : {},
    query.phone ? { phone: PhoneNumber.of(query.phone).value } : {},
    namePrefixFilter(query.q),
    cutoff
      ? {
          status: 'active',
          $or: [{ lastActiveAt: { $lt: cutoff } }, { lastActiveAt: null, joinedAt: { $lt: cutoff } }],
        }
      : {},
    afterCursor(query.cursor),
  );
}

@Injectable()
export class ListMembersHandler {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepository,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepository,
  ) {}

  async execute(query: ListMembersQueryDto, principal: Principal): Promise<Page<MemberView>> {
    const scope = await subtreeFilter(principal, 'org:read', query.under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    const rows = await this.members.list(memberListQuery(scope, query, new Date()), query.limit + 1);
    return toPage(rows, query.limit, MemberMapper.rowToView);
  }
}
