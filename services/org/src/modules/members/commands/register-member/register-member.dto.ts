import { MEMBER_KINDS } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const registerMemberSchema = z.object({
  phone: z.string().min(1).max(32).describe('Any common Indian format; stored as E.164 (+91…)'),
  name: z.string().min(1).max(120).describe('Name as the member writes it (Devanagari or Latin)'),
  nameAlt: z.string().min(1).max(120).nullable().optional().describe('Name in the other script'),
  kind: z.enum(MEMBER_KINDS).default('worker'),
  areaId: z.string().min(1).max(64).describe('Home area (usually a booth)'),
});

export class RegisterMemberDto extends createZodDto(registerMemberSchema) {}
