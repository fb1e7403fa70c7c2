import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A replay's progress: the answer of POST /momentum/replay, and `replay` in GET /momentum/status. */
export const replayStatusSchema = z.object({
  namespace: z.string().describe('The fresh collections the replay writes'),
  startedAt: z.iso.datetime(),
  events: z.number().int().nonnegative(),
  lag: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe('Messages behind the live consumer; null until known'),
  eventsPerSecond: z.number().nonnegative(),
  parked: z.number().int().nonnegative().describe('Activity waiting for areas the replay has not seen yet'),
  state: z.enum(['running', 'switched', 'failed']),
  switchedAt: z.iso.datetime().nullable(),
  error: z.string().min(1).nullable().describe('Why it failed (state failed)'),
});
export class ReplayStatusDto extends createZodDto(replayStatusSchema) {}
