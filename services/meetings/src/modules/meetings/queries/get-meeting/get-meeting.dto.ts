import { meetingKindSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const at = z.iso.datetime();
const count = z.number().int().nonnegative();

/** A meeting as every meeting command answers it (`MeetingMapper.toView`). */
export const meetingViewSchema = z.object({
  id: z.string(),
  kind: meetingKindSchema,
  title: z.string(),
  agenda: z.string().max(5000).nullable(),
  minutes: z.string().max(20_000).nullable(),
  areaId: z.string(),
  ancestors: z.array(z.string()),
  organiserId: z.string(),
  scheduledStart: at,
  scheduledEnd: at,
  day: z.string().describe('IST day of the scheduled start, YYYY-MM-DD'),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  expectedMemberIds: z.array(z.string()),
  expectedPositionTypes: z.array(z.string()),
  expectedAttendeeCount: count,
  linkedAreas: z
    .array(
      z.object({
        areaId: z.string(),
        ancestors: z.array(z.string()),
        roomId: z.string().nullable(),
        headcount: count,
      }),
    )
    .describe('vc-review: the districts linked in'),
  socialGroup: z.string().min(1).nullable().describe('participation-conference: the social group'),
  heldStart: at.nullable(),
  heldEnd: at.nullable(),
  heldRecordedAt: at.nullable(),
  attendanceLocksAt: at.nullable().describe('Late additions are refused after this (48 h after the end)'),
  cancelReason: z.string().min(1).nullable(),
  cancelledAt: at.nullable(),
  attendees: z.array(
    z.object({
      memberId: z.string(),
      areaId: z.string(),
      method: z.enum(['organiser', 'qr', 'late-addition']),
      recordedAt: at,
      districtId: z.string().nullable(),
    }),
  ),
  headcount: count.describe('Unnamed attendance'),
  namedCount: count,
  totalAttendance: count.describe('Named attendees plus the headcounts'),
  qrOpen: z
    .object({ validFrom: at, validUntil: at })
    .nullable()
    .describe('The window of the open QR check-in, if one was issued'),
  createdBy: z.string(),
  createdAt: at,
  version: z.number().int().nonnegative(),
});
export class MeetingViewDto extends createZodDto(meetingViewSchema) {}

/** The answer of GET /meetings/{id}: the meeting and its photo counts. */
export const meetingDetailSchema = meetingViewSchema.extend({
  photoCount: count,
  verifiedPhotoCount: count,
});
export class MeetingDetailDto extends createZodDto(meetingDetailSchema) {}
