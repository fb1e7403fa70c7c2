import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { PageQueryDto } from '../page-query.dto';
import { MESSAGE_PORT, type MessagePort } from '../../application/ports/message.port';
import { MessagePageDto, toMessageView } from '../message-view.dto';

@ApiTags('history')
@Controller('events/:eventId/messages')
export class EventHistoryHttpController {
  constructor(@Inject(MESSAGE_PORT) private readonly messages: MessagePort) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({ summary: 'The messages one event caused, limited to those about areas in your subtree' })
  @ApiOkResponse({ type: MessagePageDto })
  async history(
    @Param('eventId') eventId: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MessagePageDto> {
    const page = await this.messages.byEvent(eventId, principal.areaId, query.cursor ?? null, query.limit);
    return { items: page.items.map(toMessageView), nextCursor: page.nextCursor };
  }
}
