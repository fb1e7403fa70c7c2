import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { SessionView } from '../../application/session.view';
import { RescheduleSessionDto } from './reschedule-session.dto';
import { RescheduleSessionHandler } from './reschedule-session.handler';
import { SessionViewDto } from '../../queries/programmes/programmes.dto';

@ApiTags('sessions')
@Controller('sessions')
export class RescheduleSessionHttpController {
  constructor(private readonly handler: RescheduleSessionHandler) {}

  @Patch(':id/schedule')
  @Requires('training:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary: 'Move a scheduled session (inside the programme window); publishes training.session.rescheduled',
  })
  @ApiOkResponse({ type: SessionViewDto, description: 'The session as moved' })
  reschedule(
    @Param('id') id: string,
    @Body() body: RescheduleSessionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<SessionView> {
    return this.handler.execute(id, body, principal, req.header('x-correlation-id') ?? uuidv7());
  }
}
