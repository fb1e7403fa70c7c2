import { pageSchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const at = z.iso.datetime().nullable();

/** A participant as every participant operation answers it (`toParticipantView`). */
export const participantViewSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  programmeId: z.string(),
  areaId: z.string(),
  memberId: z.string(),
  name: z.string(),
  nameAlt: z.string().min(1).nullable(),
  positionId: z.string().min(1).nullable().describe('The position the invitation was for'),
  status: z.enum(['invited', 'registered', 'waitlisted', 'declined', 'walk-in']),
  walkIn: z.boolean(),
  invitedAt: at,
  registeredAt: at,
  waitlistedAt: at,
  declinedAt: at,
  attendedAt: at,
  checkInMethod: z.enum(['list', 'qr']).nullable(),
  completedAt: at,
  score: z.number().min(0).max(100).nullable().describe('Assessment score, if any'),
  rating: z.number().int().min(1).max(5).nullable().describe("The participant's feedback, 1-5"),
  comment: z.string().max(4000).nullable(),
});
export class ParticipantViewDto extends createZodDto(participantViewSchema) {}

/** The answer of GET /sessions/{id}/participants and GET /programmes/{id}/no-shows. */
export const participantPageSchema = pageSchema(participantViewSchema);
export class ParticipantPageDto extends createZodDto(participantPageSchema) {}

/** The answer of GET /sessions/{id}/participants/{memberId}/qr-token. */
export const qrTokenSchema = z.object({ token: z.string().describe('Render it as a QR code') });
export class QrTokenDto extends createZodDto(qrTokenSchema) {}
