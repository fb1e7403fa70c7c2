import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const returnPanelSchema = z.object({
  comments: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe('What the coordinator should reconsider; encrypted at rest'),
});
export class ReturnPanelDto extends createZodDto(returnPanelSchema) {}
