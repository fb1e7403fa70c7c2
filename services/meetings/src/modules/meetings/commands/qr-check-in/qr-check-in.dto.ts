import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The answer of POST /meetings/{id}/qr. */
export const qrPassSchema = z.object({
  meetingId: z.string(),
  token: z.string().describe('Shown once: only its hash is stored'),
  qrPayload: z.string().describe('What the QR code encodes: sangathan:meeting:<id>:<token>'),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
});
export class QrPassDto extends createZodDto(qrPassSchema) {}

/** The answer of POST /meetings/{id}/check-in. */
export const qrCheckedInSchema = z.object({
  meetingId: z.string(),
  memberId: z.string().describe('The caller'),
  checkedIn: z.literal(true),
  newlyAdded: z.boolean().describe('false when the caller had already checked in'),
  namedCount: z.number().int().nonnegative(),
});
export class QrCheckedInDto extends createZodDto(qrCheckedInSchema) {}
