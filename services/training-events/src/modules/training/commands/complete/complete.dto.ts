import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const completeSchema = z.object({
  memberId: z.string().min(1),
  score: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .default(null)
    .describe('Assessment score 0-100 (required when the programme has a pass score)'),
});
export class CompleteDto extends createZodDto(completeSchema) {}
