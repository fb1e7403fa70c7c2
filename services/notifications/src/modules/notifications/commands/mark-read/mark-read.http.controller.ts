import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { MarkReadDto, MarkReadResultDto } from './mark-read.dto';
import { MarkReadHandler } from './mark-read.handler';

@ApiTags('inbox')
@Controller('inbox')
export class MarkReadHttpController {
  constructor(private readonly handler: MarkReadHandler) {}

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark messages of your inbox (or all of it) read' })
  @ApiOkResponse({ type: MarkReadResultDto })
  markRead(@Body() body: MarkReadDto, @CurrentPrincipal() principal: Principal): Promise<MarkReadResultDto> {
    return this.handler.execute(principal.sub, body.all ? 'all' : (body.messageIds ?? []));
  }
}
