import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const count = z.number().int().nonnegative();
const turnoutRatio = z.number().min(0).describe('attended ÷ target, to four decimals; 0 without a target');
const counts = {
  invited: count,
  registered: count,
  waitlisted: count,
  attended: count,
  walkIns: count,
  completed: count,
};

/** The answer of GET /programmes/{id}/report. */
export const programmeReportSchema = z.object({
  programmeId: z.string(),
  title: z.string(),
  scoped: z.boolean().describe('true when only the sessions in your subtree are counted'),
  sessions: z.object({ total: count, scheduled: count, held: count, cancelled: count }),
  totals: z
    .object({ target: count, ...counts, turnoutRatio })
    .describe('Over the sessions that are not cancelled'),
  byArea: z
    .array(
      z.object({
        sessionId: z.string(),
        areaId: z.string(),
        ancestors: z.array(z.string()),
        status: z.enum(['scheduled', 'cancelled', 'held']),
        target: count,
        ...counts,
        declined: count,
        turnoutRatio,
      }),
    )
    .describe('One row per session'),
  rollup: z
    .array(
      z.object({
        areaId: z.string(),
        sessions: count,
        held: count,
        target: count,
        attended: count,
        turnoutRatio,
      }),
    )
    .describe('The sessions rolled up to every ancestor area'),
});
export class ProgrammeReportDto extends createZodDto(programmeReportSchema) {}
