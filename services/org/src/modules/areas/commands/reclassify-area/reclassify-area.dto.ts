import { seatClassSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const reclassifyAreaSchema = z.object({
  seatClass: seatClassSchema.nullable(),
  lastMargin: z.number().int().nullable().describe('Last margin in votes; negative when the party lost'),
});

export class ReclassifyAreaDto extends createZodDto(reclassifyAreaSchema) {}
