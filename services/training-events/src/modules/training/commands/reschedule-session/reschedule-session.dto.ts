import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const rescheduleSessionSchema = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  venue: z.string().min(1).max(300).nullable().optional().describe('New venue; omit to keep the current one'),
});
export class RescheduleSessionDto extends createZodDto(rescheduleSessionSchema) {}
