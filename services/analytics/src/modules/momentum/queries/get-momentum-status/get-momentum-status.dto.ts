import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { replayStatusSchema } from '../../commands/start-replay/start-replay.dto';

const count = z.number().int().nonnegative();

/** The answer of GET /momentum/status. */
export const momentumStatusSchema = z.object({
  formulaVersion: z.number().int(),
  fingerprint: z.string().describe('Hash of the formula and the sources'),
  active: z
    .object({
      namespace: z.string(),
      fingerprint: z.string(),
      events: count,
      republishedSkipped: count,
      redeliveredSkipped: count,
      areas: count,
      parked: count,
      offsets: z.record(z.string(), z.number().int()).describe('Last applied offset per topic:partition'),
      snapshotGen: count,
      lastAppliedAt: z.iso.datetime().nullable(),
    })
    .nullable()
    .describe('The state the API answers from; null while it loads'),
  replay: replayStatusSchema.nullable().describe('The last replay started, if any'),
  memoryMb: z.object({
    rss: count,
    heapUsed: count,
    heapTotal: count,
    external: count,
    arrayBuffers: count,
  }),
});
export class MomentumStatusDto extends createZodDto(momentumStatusSchema) {}
