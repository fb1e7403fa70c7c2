import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const rsvpSchema = z.object({
  memberId: z
    .string()
    .min(1)
    .optional()
    .describe('Member to act for; defaults to the caller (organisers may act for invitees)'),
});
export class RsvpDto extends createZodDto(rsvpSchema) {}
