import { AREA_LEVELS, seatClassSchema } from '@sangathan/contracts';
import { pageQuerySchema, pageSchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { areaViewSchema } from '../get-area/get-area.dto';

export const listAreasQuerySchema = pageQuerySchema.extend({
  under: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Root of the subtree (default: your own area); the root itself is not listed'),
  level: z.enum(AREA_LEVELS).optional(),
  q: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Name prefix, Hindi or English, case- and diacritic-insensitive'),
  lokSabhaId: z.string().min(1).max(64).optional().describe('Only areas linked to this Lok Sabha seat'),
  seatClass: seatClassSchema.optional(),
});

export class ListAreasQueryDto extends createZodDto(listAreasQuerySchema) {}

/** The answer of GET /areas. */
export const areaPageSchema = pageSchema(areaViewSchema);
export class AreaPageDto extends createZodDto(areaPageSchema) {}
