import { z } from 'zod';

/** A named attendee: a member id, and their area when the roster may not know them yet. */
export const attendeeSchema = z.object({
  memberId: z.string().trim().min(1).max(64),
  areaId: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .max(64)
    .optional()
    .describe('Ignored: the roster (org member events) places every attendee'),
});

export const attendeesSchema = z.array(attendeeSchema).max(20_000).default([]);
