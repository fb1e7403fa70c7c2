import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const updateMeetingSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    agenda: z.string().trim().max(5000).nullable().optional(),
    minutes: z
      .string()
      .trim()
      .max(20_000)
      .nullable()
      .optional()
      .describe('Editable after the meeting was held'),
    scheduledStart: z.iso.datetime({ offset: true }).optional(),
    scheduledEnd: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'change at least one field' });

export class UpdateMeetingDto extends createZodDto(updateMeetingSchema) {}
