import { pageQuerySchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { messageViewSchema } from '../message-view.dto';

export class InboxQueryDto extends createZodDto(
  pageQuerySchema.extend({
    unread: z.enum(['true', 'false']).optional().describe('true: only unread messages'),
  }),
) {}

export const inboxSchema = z.object({
  unreadCount: z.number().int().nonnegative(),
  items: z.array(messageViewSchema),
  nextCursor: z.string().min(1).nullable(),
});
export class InboxDto extends createZodDto(inboxSchema) {}
