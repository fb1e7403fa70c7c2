import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { InboxDto, InboxQueryDto } from './inbox.dto';
import { InboxQuery } from './inbox.query';

@ApiTags('inbox')
@Controller('inbox')
export class InboxHttpController {
  constructor(private readonly query: InboxQuery) {}

  @Get()
  @ApiOperation({ summary: "The caller's in-app inbox, newest first, with the unread count" })
  @ApiOkResponse({ type: InboxDto })
  inbox(@Query() query: InboxQueryDto, @CurrentPrincipal() principal: Principal): Promise<InboxDto> {
    return this.query.run(principal.sub, query.unread === 'true', query.cursor ?? null, query.limit);
  }
}
