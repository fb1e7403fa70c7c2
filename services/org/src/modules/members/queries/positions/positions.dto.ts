import { positionTypeSchema } from '@sangathan/contracts';
import { pageSchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A position as every position operation answers it (`positionView` in application/member.view.ts). */
export const positionViewSchema = z.object({
  id: z.string().describe('<type>:<areaId>'),
  type: positionTypeSchema,
  areaId: z.string(),
  ancestors: z.array(z.string()),
  itTeam: z.enum(['central', 'state']).nullable().describe('IT-team positions: which team'),
  holderId: z.string().min(1).nullable().describe('Current holder; null when vacant'),
  since: z.iso.datetime().nullable().describe('When the current holder took it'),
  history: z
    .array(
      z.object({
        memberId: z.string(),
        since: z.iso.datetime(),
        until: z.iso.datetime().nullable(),
        reason: z.enum(['replaced', 'released', 'deactivated']).nullable(),
      }),
    )
    .describe('Every tenure, the current one included'),
});
export class PositionViewDto extends createZodDto(positionViewSchema) {}

/** The answer of GET /positions. */
export const positionPageSchema = pageSchema(positionViewSchema);
export class PositionPageDto extends createZodDto(positionPageSchema) {}
