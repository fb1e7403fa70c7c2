import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class MarkReadDto extends createZodDto(
  z
    .object({
      messageIds: z
        .array(z.string().min(1))
        .min(1)
        .max(500)
        .optional()
        .describe('Messages of your inbox to mark read'),
      all: z.literal(true).optional().describe('Mark the whole inbox read'),
    })
    .strict()
    .refine((body) => (body.messageIds === undefined) !== (body.all === undefined), {
      message: 'give either messageIds or all: true',
    }),
) {}

export const markReadResultSchema = z.object({
  marked: z.number().int().nonnegative().describe('Messages that were unread and are now read'),
  unreadCount: z.number().int().nonnegative(),
});
export class MarkReadResultDto extends createZodDto(markReadResultSchema) {}
