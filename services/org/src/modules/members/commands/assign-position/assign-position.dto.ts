import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const assignPositionSchema = z.object({
  memberId: z.string().min(1).max(64).describe('Member who takes the position'),
});
export class AssignPositionDto extends createZodDto(assignPositionSchema) {}
