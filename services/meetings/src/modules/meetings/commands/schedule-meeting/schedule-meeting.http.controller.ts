import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import type { MeetingView } from '../../application/meeting-view';
import { correlationIdOf } from '../../application/request-context';
import { ScheduleMeetingDto } from './schedule-meeting.dto';
import { ScheduleMeetingHandler } from './schedule-meeting.handler';
import { MeetingViewDto } from '../../queries/get-meeting/get-meeting.dto';

@ApiTags('meetings')
@Controller('meetings')
export class ScheduleMeetingHttpController {
  constructor(private readonly handler: ScheduleMeetingHandler) {}

  @Post()
  @HttpCode(201)
  @Requires('meetings:write')
  @ApiOperation({ summary: 'Schedule a meeting in an area of your subtree' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: MeetingViewDto,
    description: 'The meeting; meetings.meeting.scheduled is published through the outbox',
  })
  schedule(
    @Body() body: ScheduleMeetingDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MeetingView> {
    return this.handler.execute({ ...body, principal, correlationId: correlationIdOf(req) });
  }
}
