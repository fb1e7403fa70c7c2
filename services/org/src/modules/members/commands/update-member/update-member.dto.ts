import { MEMBER_KINDS } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const updateMemberSchema = z
  .object({
    phone: z.string().min(1).max(32).optional(),
    name: z.string().min(1).max(120).optional(),
    nameAlt: z.string().min(1).max(120).nullable().optional(),
    kind: z.enum(MEMBER_KINDS).optional(),
    areaId: z.string().min(1).max(64).optional().describe('New home area (inside your subtree)'),
  })
  .strict();

export class UpdateMemberDto extends createZodDto(updateMemberSchema) {}
