import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const decidePanelSchema = z.object({
  prospectId: z.string().trim().min(1).max(100).describe('One of the submitted names'),
});
export class DecidePanelDto extends createZodDto(decidePanelSchema) {}
