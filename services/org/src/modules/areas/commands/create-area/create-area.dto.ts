import { AREA_LEVELS, seatClassSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Booth-level aggregates; never an individual voter's caste or finances. */
export const areaFiguresSchema = z.object({
  boothCount: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .optional()
    .describe('Booths under the area (for targets)'),
  voterCount: z.number().int().nonnegative().nullable().optional().describe('Registered voters'),
  beneficiaryCount: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .optional()
    .describe('Booths only: scheme beneficiaries (a count)'),
  socialComposition: z
    .record(z.string().min(1).max(40), z.number().min(0).max(1))
    .nullable()
    .optional()
    .describe('Booths only: share of each social group in the voters (aggregate, 0..1)'),
});

export const createAreaSchema = z
  .object({
    code: z.string().min(1).max(64).describe('Stable code, e.g. UP-D-LUCKNOW'),
    level: z.enum(AREA_LEVELS),
    parentId: z.string().min(1).nullable().describe('Parent area code; null only for the national root'),
    nameEn: z.string().min(1).max(200),
    nameHi: z.string().min(1).max(200).nullable().default(null).describe('Name in Devanagari'),
    seatClass: seatClassSchema.nullable().optional(),
    lastMargin: z.number().int().nullable().optional(),
    lokSabhaId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe('Assembly seats: their Lok Sabha seat'),
  })
  .extend(areaFiguresSchema.shape);

export class CreateAreaDto extends createZodDto(createAreaSchema) {}
