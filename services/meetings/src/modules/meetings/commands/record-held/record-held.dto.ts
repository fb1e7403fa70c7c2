import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { attendeesSchema } from '../attendee.dto';

export const recordHeldSchema = z.object({
  start: z.iso.datetime({ offset: true }).describe('When it actually started'),
  end: z.iso.datetime({ offset: true }),
  attendees: attendeesSchema.describe('Named members present'),
  headcount: z.number().int().min(0).max(1_000_000).default(0).describe('Unnamed people counted'),
  districts: z
    .array(
      z.object({
        areaId: z.string().trim().toUpperCase().min(1),
        headcount: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(200)
    .default([])
    .describe('vc-review: unnamed people per linked district'),
  minutes: z.string().trim().max(20_000).nullable().default(null),
});

export class RecordHeldDto extends createZodDto(recordHeldSchema) {}
