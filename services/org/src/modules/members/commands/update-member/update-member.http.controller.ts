import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { MemberView } from '../../application/member.view';
import { UpdateMemberDto } from './update-member.dto';
import { UpdateMemberHandler } from './update-member.handler';
import { MemberViewDto } from '../../queries/get-member/get-member.dto';

@ApiTags('members')
@Controller('members')
export class UpdateMemberHttpController {
  constructor(private readonly handler: UpdateMemberHandler) {}

  @Patch(':id')
  @Requires('org:write')
  @ApiOperation({ summary: "Change a member's phone, names, kind or home area" })
  @ApiOkResponse({
    type: MemberViewDto,
    description: 'The member; org.member.updated is published when something changed',
  })
  update(
    @Param('id') id: string,
    @Body() body: UpdateMemberDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MemberView> {
    return this.handler.execute(id, body, principal, requestContext(principal, req));
  }
}
