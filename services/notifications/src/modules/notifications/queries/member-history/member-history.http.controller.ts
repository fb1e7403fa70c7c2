import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { PageQueryDto } from '../page-query.dto';
import { MemberAccess } from '../../application/member-access';
import { MESSAGE_PORT, type MessagePort } from '../../application/ports/message.port';
import { MessagePageDto, toMessageView } from '../message-view.dto';

@ApiTags('history')
@Controller('members/:memberId/messages')
export class MemberHistoryHttpController {
  constructor(
    private readonly access: MemberAccess,
    @Inject(MESSAGE_PORT) private readonly messages: MessagePort,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Every message to a member with its delivery history, newest first (the member, or org:read over their area)',
  })
  @ApiOkResponse({ type: MessagePageDto })
  async history(
    @Param('memberId') memberId: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MessagePageDto> {
    await this.access.assert(principal, memberId, 'org:read');
    const page = await this.messages.byMember(memberId, query.cursor ?? null, query.limit);
    return { items: page.items.map(toMessageView), nextCursor: page.nextCursor };
  }
}
