import { MEMBER_KINDS, MEMBER_STATUSES } from '@sangathan/contracts';
import { pageQuerySchema, pageSchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { memberViewSchema } from '../get-member/get-member.dto';

export const listMembersQuerySchema = pageQuerySchema.extend({
  under: z.string().min(1).max(64).optional().describe('Subtree root (default: your own area)'),
  q: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Name prefix in Hindi or English, case- and diacritic-insensitive'),
  status: z.enum(MEMBER_STATUSES).optional(),
  kind: z.enum(MEMBER_KINDS).optional(),
  inactiveDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe('Only active members with no recorded activity for this many days'),
  phone: z.string().min(1).max(32).optional().describe('Exact phone (any format)'),
});

export class ListMembersQueryDto extends createZodDto(listMembersQuerySchema) {}

/** The answer of GET /members. */
export const memberPageSchema = pageSchema(memberViewSchema);
export class MemberPageDto extends createZodDto(memberPageSchema) {}
