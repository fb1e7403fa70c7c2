import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const count = z.number().int().nonnegative();
const share = z.number().min(0).describe('To three decimals; 0 when there is nothing to share');

/** The answer of GET /coverage. */
export const coverageSchema = z.object({
  under: z.string().describe('The subtree root'),
  booths: count,
  committeesFormed: count,
  committeeCoverage: share.describe('committeesFormed ÷ booths'),
  volunteers: count,
  volunteerTarget: count,
  volunteerCoverage: share.describe('volunteers ÷ volunteerTarget'),
  boothsWithWhatsapp: count,
  whatsappGroups: count,
  whatsappMembers: count,
});
export class CoverageDto extends createZodDto(coverageSchema) {}
