import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const channel = z.enum(['email', 'sms', 'whatsapp', 'inbox']);

export const preferencesSchema = z.object({
  memberId: z.string(),
  language: z.enum(['hi', 'en']).describe('Chosen language, or the one guessed from the script of the name'),
  languageChosen: z.boolean().describe('false: guessed (Devanagari name → hi)'),
  phone: z.string().min(1).nullable().describe('E.164'),
  email: z.string().min(1).nullable(),
  mutedChannels: z.array(channel),
  mutedRules: z.array(z.string()),
  quietHours: z.string().describe('When SMS and WhatsApp wait for morning (IST); e-mail and inbox do not'),
});
export class PreferencesDto extends createZodDto(preferencesSchema) {}
