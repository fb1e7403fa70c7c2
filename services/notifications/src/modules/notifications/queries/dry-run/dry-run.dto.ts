import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class DryRunRequestDto extends createZodDto(
  z
    .object({
      type: z.string().min(1).describe('Event type, e.g. training.participant.invited'),
      version: z.number().int().positive().default(1),
      payload: z
        .record(z.string(), z.unknown())
        .describe("The event's payload, checked against its contract"),
    })
    .strict(),
) {}

export const dryRunSchema = z.object({
  rules: z.array(z.string()).describe('Rules that matched the event'),
  messages: z.array(
    z.object({
      ruleId: z.string(),
      memberId: z.string(),
      language: z.string(),
      channels: z.array(z.string()),
      dueAt: z.string(),
      subject: z.string(),
      body: z.string(),
      digestAfter: z
        .number()
        .int()
        .nullable()
        .describe('Beyond this many per window the event joins a digest'),
    }),
  ),
  skipped: z.array(z.object({ ruleId: z.string(), memberId: z.string().nullable(), reason: z.string() })),
});
export class DryRunDto extends createZodDto(dryRunSchema) {}
