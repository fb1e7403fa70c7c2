import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { toMeetingView, type MeetingView } from '../../application/meeting-view';
import { MeetingWriter } from '../../application/meeting-writer';
import { correlationIdOf } from '../../application/request-context';
import { UpdateMeetingDto } from './update-meeting.dto';
import { MeetingViewDto } from '../../queries/get-meeting/get-meeting.dto';

@ApiTags('meetings')
@Controller('meetings')
export class UpdateMeetingHttpController {
  constructor(private readonly writer: MeetingWriter) {}

  @Patch(':id')
  @Requires('meetings:write')
  @ApiOperation({
    summary:
      'Reschedule a scheduled meeting or edit its title, agenda or minutes (rescheduling publishes meetings.meeting.rescheduled)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: MeetingViewDto, description: 'The meeting as changed' })
  async update(
    @Param('id') id: string,
    @Body() body: UpdateMeetingDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MeetingView> {
    const { meeting } = await this.writer.mutate(
      id,
      { principal, correlationId: correlationIdOf(req) },
      (m) =>
        m.update(
          {
            title: body.title,
            agenda: body.agenda,
            minutes: body.minutes,
            scheduledStart: body.scheduledStart ? new Date(body.scheduledStart) : undefined,
            scheduledEnd: body.scheduledEnd ? new Date(body.scheduledEnd) : undefined,
          },
          new Date(),
        ),
    );
    return toMeetingView(meeting);
  }
}
