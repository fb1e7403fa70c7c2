import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const cancelSessionSchema = z.object({ reason: z.string().min(1).max(500) });
export class CancelSessionDto extends createZodDto(cancelSessionSchema) {}
