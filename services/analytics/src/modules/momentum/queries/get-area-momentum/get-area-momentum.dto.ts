import {
  areaLevelSchema,
  MOMENTUM_COMPONENTS,
  momentumComponentSchema,
  seatClassSchema,
} from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** One value per momentum component, each described by `value`. */
const perComponent = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(MOMENTUM_COMPONENTS.map((name) => [name, value])) as Record<string, T>);

/** An area's momentum as every momentum read answers it (`areaView`). */
export const areaMomentumSchema = z.object({
  areaId: z.string(),
  level: areaLevelSchema,
  nameEn: z.string(),
  nameHi: z.string().min(1).nullable(),
  seatClass: seatClassSchema.nullable(),
  booths: z.number().int().nonnegative().describe('Booths under the area (1 for a booth)'),
  score: z
    .number()
    .min(0)
    .describe('Momentum, 0-100 × the cap (docs/momentum.md §Score); 2 decimals unless exact'),
  components: perComponent(
    z.object({
      value: z.number().nullable().describe('In [0, cap]; null when the component does not apply'),
      actual: z.number().describe('What the area did (decayed)'),
      expected: z.number().describe('What an area of its size should do'),
      weight: z.number().describe('Effective weight, renormalised over the applicable components'),
    }),
  ),
  weakestComponent: momentumComponentSchema.nullable(),
  trend: z.object({
    label: z.enum(['accelerating', 'steady', 'slowing']),
    shortLongRatio: z.number().nullable(),
    weekAgoScore: z.number().nullable(),
  }),
  formulaVersion: z.number().int(),
  asOf: z.iso.datetime(),
});
export class AreaMomentumDto extends createZodDto(areaMomentumSchema) {}

/** The answer of GET /areas/{id}/momentum/children. */
export const childrenMomentumSchema = z.object({
  areaId: z.string(),
  order: z.enum(['asc', 'desc']),
  items: z.array(areaMomentumSchema.extend({ rank: z.number().int().positive() })),
});
export class ChildrenMomentumDto extends createZodDto(childrenMomentumSchema) {}

/** The answer of GET /areas/{id}/momentum/history. */
export const momentumHistorySchema = z.object({
  areaId: z.string(),
  level: areaLevelSchema,
  kept: z.boolean().describe('false for levels whose history is not kept (below mandal): points is empty'),
  components: z.array(momentumComponentSchema),
  points: z
    .array(
      z.object({
        day: z.string().describe('UTC day, YYYY-MM-DD'),
        score: z.number(),
        components: perComponent(z.number().nullable()),
      }),
    )
    .describe('One point per day, oldest first'),
});
export class MomentumHistoryDto extends createZodDto(momentumHistorySchema) {}
