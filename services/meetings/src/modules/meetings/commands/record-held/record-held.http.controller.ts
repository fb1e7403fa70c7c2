import { Body, Controller, HttpCode, Post, Param, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { AttendeeResolver } from '../../application/attendee-resolver';
import { toMeetingView, type MeetingView } from '../../application/meeting-view';
import { MeetingWriter } from '../../application/meeting-writer';
import { correlationIdOf } from '../../application/request-context';
import { RecordHeldDto } from './record-held.dto';
import { MeetingViewDto } from '../../queries/get-meeting/get-meeting.dto';

@ApiTags('meetings')
@Controller('meetings')
export class RecordHeldHttpController {
  constructor(
    private readonly writer: MeetingWriter,
    private readonly attendees: AttendeeResolver,
  ) {}

  @Post(':id/held')
  @HttpCode(200)
  @Requires('meetings:write')
  @ApiOperation({
    summary:
      'Record that the meeting took place, with its attendance (once: a second call is 409; a cancelled meeting is 409)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: MeetingViewDto,
    description: 'The held meeting; meetings.meeting.held is published',
  })
  async held(
    @Param('id') id: string,
    @Body() body: RecordHeldDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MeetingView> {
    // Everything that can be refused is checked before the single write.
    const attendees = await this.attendees.resolve(body.attendees);
    const { meeting } = await this.writer.mutate(
      id,
      { principal, correlationId: correlationIdOf(req) },
      (m) =>
        m.hold(
          {
            start: new Date(body.start),
            end: new Date(body.end),
            attendees,
            headcount: body.headcount,
            districtHeadcounts: body.districts,
            minutes: body.minutes,
          },
          new Date(),
        ),
    );
    return toMeetingView(meeting);
  }
}
