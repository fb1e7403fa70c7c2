import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AttendeeResolver } from '../../application/attendee-resolver';
import { toMeetingView, type MeetingView } from '../../application/meeting-view';
import { MeetingWriter } from '../../application/meeting-writer';
import { correlationIdOf } from '../../application/request-context';
import { attendeesSchema } from '../attendee.dto';
import { AttendanceRecordedDto } from './record-attendance.dto';

export const recordAttendanceSchema = z
  .object({
    attendees: attendeesSchema,
    headcount: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .describe('More unnamed people (added to the count)'),
    districtId: z
      .string()
      .trim()
      .toUpperCase()
      .min(1)
      .nullable()
      .default(null)
      .describe('vc-review: the linked district the headcount is for'),
  })
  .refine((v) => v.attendees.length > 0 || v.headcount > 0, {
    message: 'add at least one attendee or a headcount',
  });
export class RecordAttendanceDto extends createZodDto(recordAttendanceSchema) {}

@ApiTags('attendance')
@Controller('meetings')
export class RecordAttendanceHttpController {
  constructor(
    private readonly writer: MeetingWriter,
    private readonly attendees: AttendeeResolver,
  ) {}

  @Post(':id/attendance')
  @HttpCode(200)
  @Requires('meetings:write')
  @ApiOperation({
    summary:
      'Organiser check-in during the meeting, or late additions up to 48 hours after it ended (then 409 ATTENDANCE_LOCKED)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: AttendanceRecordedDto,
    description: 'The meeting and who was added; meetings.attendance.recorded is published',
  })
  async record(
    @Param('id') id: string,
    @Body() body: RecordAttendanceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<MeetingView & { added: string[] }> {
    const attendees = await this.attendees.resolve(body.attendees);
    const { meeting, result } = await this.writer.mutate(
      id,
      { principal, correlationId: correlationIdOf(req) },
      (m) =>
        m.recordAttendance(
          { attendees, headcount: body.headcount, districtId: body.districtId, method: 'organiser' },
          new Date(),
        ),
    );
    return { ...toMeetingView(meeting), added: result.added };
  }
}
