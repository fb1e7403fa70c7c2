import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import type { MemberView } from '../../application/member.view';
import { ListMembersQueryDto, MemberPageDto } from './list-members.dto';
import { ListMembersHandler } from './list-members.handler';

@ApiTags('members')
@Controller('members')
export class ListMembersHttpController {
  constructor(private readonly handler: ListMembersHandler) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({
    summary:
      'Members of a subtree: by name prefix, status, kind, phone, or "not active for N days" (inactiveDays); cursor-paginated',
  })
  @ApiOkResponse({ type: MemberPageDto, description: 'One page of members' })
  list(
    @Query() query: ListMembersQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<MemberView>> {
    return this.handler.execute(query, principal);
  }
}
