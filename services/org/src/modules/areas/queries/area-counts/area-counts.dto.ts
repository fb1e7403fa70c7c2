import { AREA_LEVELS } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The answer of GET /areas/{id}/counts: levels with no area under the root are left out. */
export const areaCountsSchema = z.object({
  areaId: z.string(),
  counts: z
    .object(Object.fromEntries(AREA_LEVELS.map((level) => [level, z.number().int().positive().optional()])))
    .strict()
    .describe('Areas of each level under the area'),
});
export class AreaCountsDto extends createZodDto(areaCountsSchema) {}
