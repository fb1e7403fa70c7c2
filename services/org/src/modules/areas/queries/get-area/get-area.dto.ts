import { areaLevelSchema, seatClassSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const figure = z.number().int().nonnegative().nullable();

/** An area as every area operation answers it (`areaView` in application/area.view.ts). */
export const areaViewSchema = z.object({
  id: z.string().describe('Area code, e.g. UP-D-LUCKNOW'),
  level: areaLevelSchema,
  parentId: z.string().min(1).nullable().describe('null for the root'),
  ancestors: z.array(z.string()).describe('Codes from the root down to the parent'),
  nameEn: z.string(),
  nameHi: z.string().min(1).nullable().describe('Name in Devanagari'),
  seatClass: seatClassSchema.nullable().describe('Focus class of a seat, from the last result'),
  lastMargin: z.number().int().nullable().describe('Last margin in votes; negative when the party lost'),
  lokSabhaId: z.string().min(1).nullable().describe('Lok Sabha seat the area lies in'),
  boothCount: figure,
  voterCount: figure,
  beneficiaryCount: figure,
  socialComposition: z
    .record(z.string(), z.number())
    .nullable()
    .describe('Share per community, aggregate only (never an individual voter)'),
});
export class AreaViewDto extends createZodDto(areaViewSchema) {}
