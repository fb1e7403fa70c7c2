import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const moveAreaSchema = z.object({
  parentId: z.string().min(1).max(64).describe('New parent area code'),
});

export class MoveAreaDto extends createZodDto(moveAreaSchema) {}
