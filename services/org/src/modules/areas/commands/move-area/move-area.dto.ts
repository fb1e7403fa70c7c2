import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { areaViewSchema } from '../../queries/get-area/get-area.dto';

export const moveAreaSchema = z.object({
  parentId: z.string().min(1).max(64).describe('New parent area code'),
});

export class MoveAreaDto extends createZodDto(moveAreaSchema) {}

/** The answer of POST /areas/{id}/move. */
export const moveAreaResponseSchema = areaViewSchema.extend({
  descendantCount: z.number().int().nonnegative().describe('Areas of the subtree that were re-pathed'),
});
export class MoveAreaResponseDto extends createZodDto(moveAreaResponseSchema) {}
