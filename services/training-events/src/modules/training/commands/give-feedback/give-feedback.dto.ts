import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const giveFeedbackSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z
    .string()
    .max(4000)
    .nullable()
    .default(null)
    .describe('Free text; Devanagari welcome (stored NFC-normalised)'),
});
export class GiveFeedbackDto extends createZodDto(giveFeedbackSchema) {}
