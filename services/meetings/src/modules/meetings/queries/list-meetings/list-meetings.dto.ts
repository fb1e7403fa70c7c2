import { MEETING_KINDS, meetingKindSchema } from '@sangathan/contracts';
import { pageQuerySchema, pageSchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const csv = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listMeetingsSchema = pageQuerySchema.extend({
  areaId: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .optional()
    .describe('Subtree root (default: your whole scope)'),
  from: z.iso.datetime({ offset: true }).optional().describe('Scheduled start at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('Scheduled start before'),
  kind: csv(MEETING_KINDS).optional().describe('Comma-separated kinds'),
  status: csv(['scheduled', 'held', 'cancelled'] as const)
    .optional()
    .describe('Comma-separated statuses'),
  organiserId: z.string().trim().min(1).optional(),
  order: z.enum(['asc', 'desc']).default('desc').describe('By scheduled start'),
});

export class ListMeetingsQuery extends createZodDto(listMeetingsSchema) {}

/** A meeting as lists show it. */
export const meetingSummarySchema = z.object({
  id: z.string(),
  kind: meetingKindSchema,
  title: z.string(),
  areaId: z.string(),
  organiserId: z.string(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  scheduledStart: z.iso.datetime(),
  scheduledEnd: z.iso.datetime(),
  day: z.string().describe('IST day, YYYY-MM-DD'),
  namedCount: z.number().int().nonnegative(),
  headcount: z.number().int().nonnegative(),
  linkedAreaIds: z.array(z.string()),
});

/** The answer of GET /meetings. */
export const meetingPageSchema = pageSchema(meetingSummarySchema);
export class MeetingPageDto extends createZodDto(meetingPageSchema) {}
