import { AREA_LEVELS, seatClassSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const createAreaSchema = z.object({
  code: z.string().min(1).max(64).describe('Stable code, e.g. UP-D-LUCKNOW'),
  level: z.enum(AREA_LEVELS),
  parentId: z.string().min(1).nullable().describe('Parent area code; null only for the national root'),
  nameEn: z.string().min(1).max(200),
  nameHi: z.string().min(1).max(200).nullable().default(null).describe('Name in Devanagari'),
  seatClass: seatClassSchema.nullable().optional(),
  lastMargin: z.number().int().nullable().optional(),
});

export class CreateAreaDto extends createZodDto(createAreaSchema) {}
