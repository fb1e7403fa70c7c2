import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const deactivateMemberSchema = z.object({
  status: z.enum(['inactive', 'replaced']).default('inactive'),
  reason: z.string().min(1).max(500).nullable().default(null),
  replacedBy: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .default(null)
    .describe('Member taking over (required for replaced)'),
});
export class DeactivateMemberDto extends createZodDto(deactivateMemberSchema) {}

export const reactivateMemberSchema = z.object({
  reason: z.string().min(1).max(500).nullable().default(null),
});
export class ReactivateMemberDto extends createZodDto(reactivateMemberSchema) {}
