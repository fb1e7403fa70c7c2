import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { photoViewSchema } from '../../queries/list-photos/list-photos.dto';

/** The answer of POST /meetings/{id}/photos. */
export const uploadedPhotosSchema = z.object({
  photos: z.array(photoViewSchema).describe('The stored photos, in upload order, with their verdicts'),
});
export class UploadedPhotosDto extends createZodDto(uploadedPhotosSchema) {}
