import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** A position holder in the report's lists. */
const holderRef = z.object({
  memberId: z.string().describe('Member id'),
  name: z
    .string()
    .nullable()
    .describe("The member's name from org's member events; null until org published the member"),
  positionType: z.string(),
  areaId: z.string().describe('Area of the position'),
});

const holderDay = z.object({
  day: z.string().describe('IST day, YYYY-MM-DD'),
  held: count,
  withPhoto: count,
  withVerifiedPhoto: count,
  outcome: z.enum(['met', 'short', 'no-photos']),
});

const holderCompliance = z.object({
  memberId: z.string(),
  name: z.string().nullable().optional(),
  positionType: z.string(),
  areaId: z.string(),
  ancestors: z.array(z.string()),
  rule: z.object({ minMeetings: count, targetMeetings: count, photoRequired: z.boolean() }),
  days: z.array(holderDay),
  daysMet: count,
  totalHeld: count,
  totalWithVerifiedPhoto: count,
  metQuota: z.boolean().describe('Met the quota every day of the range'),
  sentNoPhotos: z.boolean().describe('Held meetings but sent no photo at all in the range'),
});

/** The answer of GET /quotas/compliance. */
export const complianceReportSchema = z.object({
  areaId: z.string(),
  from: z.string(),
  to: z.string(),
  summary: z.object({ holders: count, metQuota: count, fellShort: count, sentNoPhotos: count }),
  metQuota: z.array(holderRef),
  fellShort: z.array(holderRef),
  sentNoPhotos: z.array(holderRef),
  holders: z.array(holderCompliance).describe('Per holder, the per-day detail'),
});
export class ComplianceReportDto extends createZodDto(complianceReportSchema) {}
