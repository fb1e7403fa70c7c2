import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { SessionView } from '../../application/session.view';
import { HoldSessionHandler } from './hold-session.handler';
import { SessionViewDto } from '../../queries/programmes/programmes.dto';

@ApiTags('sessions')
@Controller('sessions')
export class HoldSessionHttpController {
  constructor(private readonly handler: HoldSessionHandler) {}

  @Post(':id/hold')
  @HttpCode(200)
  @Requires('training:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Mark the session held: freezes its turnout and publishes training.session.held' })
  @ApiOkResponse({ type: SessionViewDto, description: 'The held session with its turnout' })
  hold(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<SessionView> {
    return this.handler.execute(id, principal, req.header('x-correlation-id') ?? uuidv7());
  }
}
