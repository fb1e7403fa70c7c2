import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import { CheckInDto, CheckInResultDto } from './check-in.dto';
import { CheckInHandler, type CheckInResult } from './check-in.handler';

@ApiTags('participants')
@Controller('sessions')
export class CheckInHttpController {
  constructor(private readonly handler: CheckInHandler) {}

  @Post(':id/check-ins')
  @HttpCode(200)
  @Requires('training:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Check a member in (organiser list or QR token); uninvited members only as walk-ins where allowed',
  })
  @ApiOkResponse({ type: CheckInResultDto, description: 'The participant, checked in' })
  checkIn(
    @Param('id') id: string,
    @Body() body: CheckInDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<CheckInResult> {
    return this.handler.execute(id, body, principal, {
      actorId: principal.sub,
      correlationId: req.header('x-correlation-id') ?? uuidv7(),
    });
  }
}
