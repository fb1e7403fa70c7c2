import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { MemberView } from '../../application/member.view';
import { DeactivateMemberDto, ReactivateMemberDto } from './change-member-status.dto';
import { ChangeMemberStatusHandler } from './change-member-status.handler';
import { MemberViewDto } from '../../queries/get-member/get-member.dto';

@ApiTags('members')
@Controller('members')
export class ChangeMemberStatusHttpController {
  constructor(private readonly handler: ChangeMemberStatusHandler) {}

  @Post(':id/deactivate')
  @HttpCode(200)
  @Requires('org:write')
  @ApiOperation({ summary: 'Mark a member inactive or replaced; vacates the positions they hold' })
  @ApiOkResponse({
    type: MemberViewDto,
    description: 'The member; org.member.deactivated and org.position.vacated are published',
  })
  deactivate(
    @Param('id') id: string,
    @Body() body: DeactivateMemberDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MemberView> {
    return this.handler.deactivate(id, body, principal, requestContext(principal, req));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Requires('org:write')
  @ApiOperation({ summary: 'Make an inactive or replaced member active again' })
  @ApiOkResponse({ type: MemberViewDto, description: 'The member; org.member.reactivated is published' })
  reactivate(
    @Param('id') id: string,
    @Body() body: ReactivateMemberDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MemberView> {
    return this.handler.reactivate(id, body, principal, requestContext(principal, req));
  }
}
