import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { RULE_ID } from '../../application/rule-id';

export const updatePreferencesSchema = z
  .object({
    language: z.enum(['hi', 'en']).nullable().optional().describe('null: guess from the name again'),
    phone: z.string().trim().min(1).nullable().optional().describe('Indian mobile number; stored as E.164'),
    email: z.email().nullable().optional(),
    mutedChannels: z
      .array(z.enum(['email', 'sms', 'whatsapp']))
      .max(3)
      .optional()
      .describe('The inbox cannot be muted'),
    mutedRules: z.array(z.string().regex(RULE_ID)).max(50).optional(),
  })
  .strict();
export class UpdatePreferencesDto extends createZodDto(updatePreferencesSchema) {}
