import { areaLevelSchema, MOMENTUM_COMPONENTS } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { areaMomentumSchema } from '../get-area-momentum/get-area-momentum.dto';

/** The answer of GET /momentum/leaderboard. */
export const leaderboardSchema = z.object({
  level: areaLevelSchema,
  order: z.enum(['asc', 'desc']),
  items: z.array(areaMomentumSchema.extend({ rank: z.number().int().positive() })),
});
export class LeaderboardDto extends createZodDto(leaderboardSchema) {}

/** The answer of GET /momentum/seat-classes. */
export const seatClassesSchema = z.object({
  level: z.enum(['assembly', 'lok-sabha']),
  asOf: z.iso.datetime(),
  classes: z
    .array(
      z.object({
        seatClass: z.enum(['lost', 'weak', 'thin-margin', 'strong', 'unclassified']),
        seats: z.number().int().positive(),
        meanScore: z.number(),
        meanComponents: z
          .object(Object.fromEntries(MOMENTUM_COMPONENTS.map((name) => [name, z.number().nullable()])))
          .describe('Mean over the seats where the component applies; null where it applies to none'),
        lowest: z
          .object({ areaId: z.string(), score: z.number() })
          .describe('The seat with the lowest score'),
      }),
    )
    .describe('Classes with at least one seat, in the order lost, weak, thin-margin, strong, unclassified'),
});
export class SeatClassesDto extends createZodDto(seatClassesSchema) {}
