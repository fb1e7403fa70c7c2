import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import {
  MemberMapper,
  PositionMapper,
  type MemberView,
  type PositionView,
} from '../../infrastructure/member.mapper';
import {
  MEMBER_REPOSITORY,
  POSITION_REPOSITORY,
  type MemberRepository,
  type PositionRepository,
} from '../../infrastructure/member.repository.port';
import { MemberWithPositionsDto } from './get-member.dto';

@ApiTags('members')
@Controller('members')
export class GetMemberHttpController {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepository,
    @Inject(POSITION_REPOSITORY) private readonly positions: PositionRepository,
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
      ...MemberMapper.toView(loaded.value),
      positions: held.map((p) => PositionMapper.toView(p.value)),
    };
  }
}
