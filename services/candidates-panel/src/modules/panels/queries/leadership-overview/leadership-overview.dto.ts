import { PANEL_STATUSES } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const leadershipOverviewSchema = z.object({
  cycleId: z.string().trim().toUpperCase().min(1).max(20).optional(),
  status: z.enum(PANEL_STATUSES).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export class LeadershipOverviewDto extends createZodDto(leadershipOverviewSchema) {}

const row = z.object({
  panelId: z.string(),
  cycleId: z.string(),
  seatId: z.string(),
  seatLevel: z.enum(['lok-sabha', 'assembly']),
  seatNameEn: z.string().nullable().describe("The seat's English name (null until org's area event is read)"),
  seatNameHi: z.string().nullable().describe("The seat's Hindi name, if org has one"),
  zoneId: z.string(),
  status: z.enum(PANEL_STATUSES),
  deadline: z.string(),
  submittedAt: z.string().min(1).nullable(),
  submittedOnTime: z
    .boolean()
    .describe('At or before the deadline')
    .nullable()
    .describe('Null until submitted'),
  late: z.boolean().describe('Past its deadline unsubmitted, or submitted after it'),
  returnCount: z.number().int(),
});
export class LeadershipOverviewPageDto extends createZodDto(
  z.object({ items: z.array(row), nextCursor: z.string().min(1).nullable() }),
) {}
