import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import { afterCursor, allOf, namePrefixFilter, subtreeFilter, toPage } from '../../../../common/subtree';
import { AREA_REPOSITORY, type AreaRepository } from '../../../areas/infrastructure/area.repository.port';
import { PhoneNumber } from '../../domain/phone-number.value-object';
import { MemberMapper, type MemberView } from '../../infrastructure/member.mapper';
import { MEMBER_REPOSITORY, type MemberRepository } from '../../infrastructure/member.repository.port';
import { ListMembersQueryDto } from './list-members.dto';

const DAY_MS = 24 * 3600_000;
/**
 * Up to this many areas in the subtree, the list also carries a top-level `areaId: {$in: …}` (ids
 * from the subtree index): MongoDB can use the `areaId` index, and the patched FerretDB evaluates a
 * top-level string `$in` inside SQLite (~4 µs a member instead of ~33 µs decoding each one in Go).
 * The subtree condition stays in the filter, so an id the index holds too many changes nothing.
 */
const NARROW_MAX_AREAS = 5000;

@ApiTags('members')
@Controller('members')
export class ListMembersHttpController {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepository,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepository,
  ) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({
    summary:
      'Members of a subtree: by name prefix, status, kind, phone, or "not active for N days" (inactiveDays); cursor-paginated',
  })
  async list(
    @Query() query: ListMembersQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<MemberView>> {
    const scope = await subtreeFilter(principal, 'org:read', query.under, async (id) => {
      const area = await this.areas.findById(id);
      return area ? { id: area.id, ancestors: area.ancestors } : null;
    });
    // "Who has not been active for 14 days": active members whose last activity (or, never
    // active, whose joining) is older than the cut-off.
    const inactive = query.inactiveDays
      ? (() => {
          const cutoff = new Date(Date.now() - query.inactiveDays * DAY_MS);
          return {
            status: 'active',
            $or: [{ lastActiveAt: { $lt: cutoff } }, { lastActiveAt: null, joinedAt: { $lt: cutoff } }],
          };
        })()
      : {};
    const rootId = (query.under ?? principal.areaId).trim().toUpperCase();
    const root =
      rootId === principal.areaId
        ? { id: rootId, ancestors: principal.areaPath }
        : await this.areas.findById(rootId);
    const areaIds = root ? await this.areas.subtreeAreaIds(root, NARROW_MAX_AREAS) : null;
    // `areaId` at the top level (FerretDB pushes down top-level conditions only); the rest under `$and`.
    const filter = {
      ...(areaIds ? { areaId: { $in: areaIds } } : {}),
      ...allOf(
        scope,
        query.status ? { status: query.status } : {},
        query.kind ? { kind: query.kind } : {},
        query.phone ? { phone: PhoneNumber.of(query.phone).value } : {},
        namePrefixFilter(query.q),
        inactive,
        afterCursor(query.cursor),
      ),
    };
    const rows = await this.members.list(filter, query.limit + 1);
    return toPage(rows, query.limit, MemberMapper.rowToView);
  }
}
