import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { SessionView } from '../../application/session.view';
import { CancelSessionDto } from './cancel-session.dto';
import { CancelSessionHandler } from './cancel-session.handler';
import { SessionViewDto } from '../../queries/programmes/programmes.dto';

@ApiTags('sessions')
@Controller('sessions')
export class CancelSessionHttpController {
  constructor(private readonly handler: CancelSessionHandler) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Requires('training:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Call off a scheduled session; publishes training.session.cancelled' })
  @ApiOkResponse({ type: SessionViewDto, description: 'The cancelled session' })
  cancel(
    @Param('id') id: string,
    @Body() body: CancelSessionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<SessionView> {
    return this.handler.execute(id, body.reason, principal, req.header('x-correlation-id') ?? uuidv7());
  }
}
