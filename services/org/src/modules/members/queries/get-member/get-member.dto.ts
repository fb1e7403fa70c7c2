import { memberKindSchema, memberStatusSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { positionViewSchema } from '../positions/positions.dto';

/** A member as every member operation answers it (`memberView` in application/member.view.ts). */
export const memberViewSchema = z.object({
  id: z.string(),
  phone: z.string().describe('E.164, e.g. +919812345678'),
  name: z.string(),
  nameAlt: z.string().min(1).nullable().describe('The name in the other script'),
  kind: memberKindSchema,
  status: memberStatusSchema,
  statusHistory: z.array(
    z.object({
      status: memberStatusSchema,
      at: z.iso.datetime(),
      reason: z.string().nullable(),
      by: z.string().nullable().describe('Who changed it'),
      replacedBy: z.string().nullable().describe('Member who took over (status replaced)'),
    }),
  ),
  areaId: z.string(),
  ancestors: z.array(z.string()),
  joinedAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime().nullable().describe('Last activity org heard of (task progress, meetings)'),
});
export class MemberViewDto extends createZodDto(memberViewSchema) {}

/** The answer of GET /members/{id}: the member and the positions they hold. */
export const memberWithPositionsSchema = memberViewSchema.extend({ positions: z.array(positionViewSchema) });
export class MemberWithPositionsDto extends createZodDto(memberWithPositionsSchema) {}
