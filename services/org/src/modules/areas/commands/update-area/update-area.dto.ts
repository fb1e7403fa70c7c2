import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { areaFiguresSchema } from '../create-area/create-area.dto';

export const updateAreaSchema = z
  .object({
    nameEn: z.string().min(1).max(200).optional(),
    nameHi: z.string().min(1).max(200).nullable().optional(),
    lokSabhaId: z.string().min(1).max(64).nullable().optional().describe('Assembly seats only'),
  })
  .extend(areaFiguresSchema.shape)
  .strict();

export class UpdateAreaDto extends createZodDto(updateAreaSchema) {}
