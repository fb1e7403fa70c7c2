import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const ruleViewSchema = z.object({
  id: z.string(),
  description: z.string().nullable(),
  on: z.string().describe('Event type'),
  version: z.number().int(),
  when: z.record(z.string(), z.unknown()).nullable(),
  to: z
    .array(z.record(z.string(), z.string()))
    .describe('Recipients: a payload member field, or a position over an area field'),
  template: z.string(),
  channels: z.array(z.string()),
  at: z.object({ field: z.string(), offsetMinutes: z.number().int() }).nullable().describe('Reminder timing'),
  digest: z
    .object({
      after: z.number().int(),
      window: z.union([z.literal('day'), z.number().int()]),
      template: z.string(),
    })
    .nullable(),
});

export const ruleListSchema = z.object({
  loadedAt: z.string().describe('When the rule file in force was loaded'),
  rules: z.array(ruleViewSchema),
  cancellations: z.array(z.object({ on: z.string(), subject: z.string(), rules: z.array(z.string()) })),
  reschedules: z.array(z.object({ on: z.string(), subject: z.string(), rules: z.array(z.string()) })),
});
export class RuleListDto extends createZodDto(ruleListSchema) {}
