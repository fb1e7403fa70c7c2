import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { areaGeoSchema } from '../../queries/get-area/get-area.dto';

export const setAreaGeoSchema = z.object({
  geo: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('bbox'),
        south: z.number().describe('Southern latitude'),
        west: z.number().describe('Western longitude'),
        north: z.number(),
        east: z.number(),
      }),
      z.object({
        kind: z.literal('circle'),
        lat: z.number(),
        lon: z.number(),
        radiusKm: z.number().positive(),
      }),
    ])
    .nullable()
    .describe(
      'Where the area lies; null clears it (photos are then checked by time only, or by an ancestor’s geo)',
    ),
});

export class SetAreaGeoDto extends createZodDto(setAreaGeoSchema) {}

/** The answer of PUT /areas/{id}/geo. */
export const areaGeoSetSchema = z.object({
  id: z.string(),
  geo: areaGeoSchema.nullable().describe('As stored; null when cleared'),
});
export class AreaGeoSetDto extends createZodDto(areaGeoSetSchema) {}
