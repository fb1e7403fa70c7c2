import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { meetingSummarySchema } from '../list-meetings/list-meetings.dto';

/** The answer of GET /calendar. */
export const meetingCalendarSchema = z.object({
  areaId: z.string(),
  from: z.string(),
  to: z.string(),
  truncated: z.boolean().describe('More than 5,000 meetings in the range: the later ones are left out'),
  days: z
    .array(
      z.object({ day: z.string().describe('IST day, YYYY-MM-DD'), meetings: z.array(meetingSummarySchema) }),
    )
    .describe('Every day of the range, in order, empty days included'),
});
export class MeetingCalendarDto extends createZodDto(meetingCalendarSchema) {}
