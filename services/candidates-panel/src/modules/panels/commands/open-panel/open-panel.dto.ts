import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const openPanelSchema = z.object({
  cycleId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'letters, digits and dashes, e.g. LS-2029')
    .describe('Election cycle, e.g. LS-2029'),
  seatId: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .max(60)
    .describe('Org area id of a Lok Sabha or assembly seat'),
  deadline: z.iso.datetime({ offset: true }).describe('When the panel must be submitted'),
});
export class OpenPanelDto extends createZodDto(openPanelSchema) {}
