import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const proposePanelSchema = z.object({
  entries: z
    .array(
      z.object({
        prospectId: z.string().trim().min(1).max(100),
        rationale: z
          .string()
          .min(1)
          .max(2000)
          .describe('Why this name (Hindi or English); encrypted at rest'),
      }),
    )
    .min(1)
    .max(10)
    .describe('Ranked, first is the coordinator’s first choice; 1 to 3 names (2 or 3 to submit)'),
});
export class ProposePanelDto extends createZodDto(proposePanelSchema) {}
