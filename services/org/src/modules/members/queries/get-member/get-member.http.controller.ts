import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import { memberView, positionView, type MemberView, type PositionView } from '../../application/member.view';
import {
  MEMBER_REPOSITORY,
  POSITION_REPOSITORY,
  type MemberRepositoryPort,
  type PositionRepositoryPort,
} from '../../application/ports/member.repository.port';
import { MemberWithPositionsDto } from './get-member.dto';

@ApiTags('members')
@Controller('members')
export class GetMemberHttpController {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
    @Inject(POSITION_REPOSITORY) private readonly positions: PositionRepositoryPort,
  ) {}

  @Get(':id')
  @Requires('org:read')
  @ApiOperation({
    summary: 'One member with status history and the positions they hold, if inside your subtree',
  })
  @ApiOkResponse({ type: MemberWithPositionsDto, description: 'The member and the positions they hold' })
  async get(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberView & { positions: PositionView[] }> {
    const loaded = await this.members.load(id);
    if (!loaded) throw new NotFoundError('member', id);
    assertCan(principal, 'org:read', { areaId: loaded.value.areaId, ancestors: loaded.value.ancestors });
    const held = await this.positions.heldBy(id);
    return {
      ...memberView(loaded.value),
      positions: held.map((p) => positionView(p.value)),
    };
  }
}
