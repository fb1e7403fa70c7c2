import { photoFlagReasonSchema, photoVerdictSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A photo record as every photo operation answers it (`toPhotoView`). */
export const photoViewSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string(),
  takenAt: z.iso.datetime().nullable().describe('From EXIF; null without metadata'),
  gps: z.object({ lat: z.number(), lon: z.number() }).nullable().describe('From EXIF'),
  geoAreaId: z.string().min(1).nullable().describe('The area whose geo the GPS was checked against'),
  verdict: photoVerdictSchema,
  reasons: z.array(photoFlagReasonSchema),
  duplicateOfMeetingIds: z.array(z.string()).describe('Other meetings the same bytes were attached to'),
  verified: z.boolean().describe('Counts as evidence'),
  review: z
    .object({
      decision: z.enum(['verify', 'reject']),
      by: z.string(),
      at: z.iso.datetime(),
      note: z.string().nullable(),
    })
    .nullable(),
  uploadedBy: z.string(),
  uploadedAt: z.iso.datetime(),
});
export class PhotoViewDto extends createZodDto(photoViewSchema) {}

/** The answer of GET /meetings/{id}/photos. */
export const photoListSchema = z.object({ items: z.array(photoViewSchema) });
export class PhotoListDto extends createZodDto(photoListSchema) {}
