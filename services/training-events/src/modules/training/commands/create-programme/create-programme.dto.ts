import { sessionPlanSchema, targetRuleSchema, trainingAudienceSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const createProgrammeSchema = z.object({
  title: z
    .string()
    .min(1)
    .max(200)
    .describe('English title, e.g. "IT-cell meetings in every Lok Sabha seat"'),
  titleHi: z.string().min(1).max(200).nullable().default(null).describe('Hindi title (Devanagari)'),
  rootAreaId: z
    .string()
    .min(1)
    .optional()
    .describe('Area whose subtree the programme covers; defaults to your own area'),
  windowStart: z.iso.datetime({ offset: true }).describe('Sessions may not start before this'),
  windowEnd: z.iso.datetime({ offset: true }).describe('Sessions may not end after this'),
  audience: trainingAudienceSchema.describe('Position types × area levels to invite'),
  sessionPlan: sessionPlanSchema.describe('One session per area of a level, or a single central session'),
  targetRule: targetRuleSchema.describe(
    'Fixed target, or scaled between min and max by booth or voter count',
  ),
  schedule: z.object({
    firstSessionAt: z.iso.datetime({ offset: true }),
    durationMinutes: z
      .number()
      .int()
      .min(15)
      .max(24 * 60)
      .default(180),
    sessionsPerDay: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(1000)
      .describe('Per-area plans: sessions a day, spread over consecutive days'),
    capacity: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .describe('Seats per session; over it registrations go to the waitlist'),
    allowWalkIns: z.boolean().default(false),
    venue: z.string().min(1).max(300).nullable().default(null),
  }),
  passScore: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .default(null)
    .describe('Assessment pass score; null for no assessment'),
});

export class CreateProgrammeDto extends createZodDto(createProgrammeSchema) {}
