import { positionTypeSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The answer of PUT /quota-rules/{positionType}: the rule as stored. */
export const quotaRuleSchema = z.object({
  positionType: positionTypeSchema,
  minMeetings: z.number().int().min(1).max(50),
  targetMeetings: z.number().int().min(1).max(50),
  photoRequired: z.boolean(),
  countedKinds: z.array(z.string()).describe('Meeting kinds that count (empty: all)'),
  active: z.boolean(),
});
export class QuotaRuleDto extends createZodDto(quotaRuleSchema) {}
