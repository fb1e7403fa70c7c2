import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** The answer of POST /quotas/evaluations. */
export const dayEvaluationSchema = z.object({
  evaluated: count.describe('Position holders checked'),
  missed: count.describe('Holders newly found short (meetings.quota.missed published)'),
  alreadyDone: count.describe('Holders already evaluated for that day'),
});
export class DayEvaluationDto extends createZodDto(dayEvaluationSchema) {}
