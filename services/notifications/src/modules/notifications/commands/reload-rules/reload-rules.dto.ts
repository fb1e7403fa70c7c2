import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ReloadResultDto extends createZodDto(
  z.object({ rules: z.number().int().describe('Rules now in force'), loadedAt: z.string() }),
) {}
