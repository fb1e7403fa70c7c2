import { areaLevelSchema, momentumComponentSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { areaMomentumSchema } from '../get-area-momentum/get-area-momentum.dto';

/** The answer of GET /areas/{id}/momentum/laggards. */
export const laggardsSchema = z.object({
  areaId: z.string(),
  level: areaLevelSchema,
  items: z
    .array(
      areaMomentumSchema.extend({
        rank: z.number().int().positive().describe('1 is the lowest score'),
        pulledDownBy: momentumComponentSchema.nullable().describe('The component that pulls it down most'),
      }),
    )
    .describe('Lowest score first'),
});
export class LaggardsDto extends createZodDto(laggardsSchema) {}
