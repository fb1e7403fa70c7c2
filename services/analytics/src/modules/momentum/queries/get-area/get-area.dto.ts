import { areaLevelSchema, seatClassSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The answer of GET /areas/:id: the area as the momentum state's hierarchy holds it. */
export const knownAreaSchema = z.object({
  id: z.string(),
  level: areaLevelSchema,
  parentId: z.string().min(1).nullable().describe('The parent area; null for the national root'),
  ancestors: z.array(z.string()).describe('Root first, without the area itself'),
  nameEn: z.string(),
  nameHi: z.string().min(1).nullable().describe('Name in Devanagari, if org has one'),
  seatClass: seatClassSchema.nullable(),
  booths: z.number().int().nonnegative().describe('Booths under the area (1 for a booth)'),
});
export class KnownAreaDto extends createZodDto(knownAreaSchema) {}
