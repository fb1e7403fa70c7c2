import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const listFeedbackSchema = z.object({
  prospectId: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export class ListFeedbackDto extends createZodDto(listFeedbackSchema) {}
