import { MEETING_KINDS } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const scheduleMeetingSchema = z.object({
  kind: z.enum(MEETING_KINDS),
  title: z.string().trim().min(1).max(200),
  agenda: z.string().trim().max(5000).nullable().default(null),
  areaId: z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .max(64)
    .describe('Area the meeting belongs to (for a vc-review: the hosting HQ area)'),
  organiserId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe('Member responsible; defaults to the caller'),
  scheduledStart: z.iso.datetime({ offset: true }),
  scheduledEnd: z.iso.datetime({ offset: true }),
  expectedMemberIds: z.array(z.string().trim().min(1).max(64)).max(5000).default([]),
  expectedPositionTypes: z
    .array(z.string().trim().min(1).max(64))
    .max(50)
    .default([])
    .describe('Holders of these positions in the subtree are expected'),
  linkedAreaIds: z
    .array(z.string().trim().toUpperCase().min(1).max(64))
    .max(200)
    .default([])
    .describe('vc-review only: districts linked in'),
  socialGroup: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .default(null)
    .describe('participation-conference only'),
});

export class ScheduleMeetingDto extends createZodDto(scheduleMeetingSchema) {}
