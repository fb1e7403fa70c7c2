import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { participantViewSchema } from '../../queries/participants/participants.dto';

export const checkInSchema = z
  .object({
    memberId: z.string().min(1).optional().describe('From the organiser’s list'),
    qrToken: z.string().min(1).max(500).optional().describe('Scanned from the member’s QR code'),
  })
  .refine((body) => (body.memberId ? 1 : 0) + (body.qrToken ? 1 : 0) === 1, {
    message: 'give exactly one of memberId or qrToken',
    path: ['memberId'],
  });
export class CheckInDto extends createZodDto(checkInSchema) {}

/** The answer of POST /sessions/{id}/check-ins. */
export const checkInResultSchema = z.object({
  participant: participantViewSchema,
  alreadyCheckedIn: z.boolean().describe('true when the member had checked in before (nothing changed)'),
});
export class CheckInResultDto extends createZodDto(checkInResultSchema) {}
