import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Where an area lies: a bounding box or a centroid with a radius. */
export const areaGeoSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bbox'),
    south: z.number(),
    west: z.number(),
    north: z.number(),
    east: z.number(),
  }),
  z.object({ kind: z.literal('circle'), lat: z.number(), lon: z.number(), radiusKm: z.number().positive() }),
]);

/** The answer of GET /areas/{id}: the area as meetings knows it from org's events. */
export const knownAreaSchema = z.object({
  id: z.string(),
  level: z.string(),
  parentId: z.string().min(1).nullable().describe('null for the root'),
  ancestors: z.array(z.string()).describe('Root first, without the area itself'),
  nameEn: z.string(),
  nameHi: z.string().min(1).nullable(),
  geo: areaGeoSchema.nullable().describe('Set with PUT /areas/{id}/geo; null when never set'),
});
export class KnownAreaDto extends createZodDto(knownAreaSchema) {}
