import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { toMeetingView, type MeetingView } from '../../application/meeting-view';
import { MeetingWriter } from '../../application/meeting-writer';
import { correlationIdOf } from '../../application/request-context';
import { MeetingViewDto } from '../../queries/get-meeting/get-meeting.dto';

export const cancelMeetingSchema = z.object({ reason: z.string().trim().min(1).max(1000) });
export class CancelMeetingDto extends createZodDto(cancelMeetingSchema) {}

@ApiTags('meetings')
@Controller('meetings')
export class CancelMeetingHttpController {
  constructor(private readonly writer: MeetingWriter) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Requires('meetings:write')
  @ApiOperation({ summary: 'Call off a scheduled meeting (409 if it was already held or cancelled)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: MeetingViewDto,
    description: 'The cancelled meeting; meetings.meeting.cancelled is published',
  })
  async cancel(
    @Param('id') id: string,
    @Body() body: CancelMeetingDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MeetingView> {
    const { meeting } = await this.writer.mutate(
      id,
      { principal, correlationId: correlationIdOf(req) },
      (m) => m.cancel(body.reason, new Date()),
    );
    return toMeetingView(meeting);
  }
}
