import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { meetingViewSchema } from '../../queries/get-meeting/get-meeting.dto';

/** The answer of POST /meetings/{id}/attendance: the meeting and who this call added. */
export const attendanceRecordedSchema = meetingViewSchema.extend({
  added: z.array(z.string()).describe('Members this call added (those already present are left out)'),
});
export class AttendanceRecordedDto extends createZodDto(attendanceRecordedSchema) {}
