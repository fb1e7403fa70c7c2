import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { MemberView } from '../../application/member.view';
import { RegisterMemberDto } from './register-member.dto';
import { RegisterMemberHandler } from './register-member.handler';
import { MemberViewDto } from '../../queries/get-member/get-member.dto';

@ApiTags('members')
@Controller('members')
export class RegisterMemberHttpController {
  constructor(private readonly handler: RegisterMemberHandler) {}

  @Post()
  @HttpCode(201)
  @Requires('org:write')
  @ApiOperation({ summary: 'Register a member in an area of your subtree (phone unique, stored as E.164)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: MemberViewDto, description: 'The member; org.member.joined is published' })
  register(
    @Body() body: RegisterMemberDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MemberView> {
    return this.handler.execute(body, principal, requestContext(principal, req));
  }
}
