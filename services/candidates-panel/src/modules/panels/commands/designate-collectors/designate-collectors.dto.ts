import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const designateCollectorsSchema = z.object({
  memberIds: z
    .array(z.string().trim().min(1).max(100))
    .max(50)
    .describe('Members (org ids) who may record feedback; replaces the current list'),
});
export class DesignateCollectorsDto extends createZodDto(designateCollectorsSchema) {}
