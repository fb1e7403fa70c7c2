import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { areaLevelSchema, seatClassSchema } from './area-level';
import { ORG_AREA_TOPIC } from './org.topics';

/** Fields every area event carries, so a consumer can build a read model from any one of them. */
const areaSnapshot = z.object({
  /** Stable id of the area (its code), e.g. `IN-UP-D-LUCKNOW`. */
  areaId: z.string().min(1),
  level: areaLevelSchema,
  /** Parent in the primary tree; null only for the root. */
  parentId: z.string().min(1).nullable(),
  /** Ancestors, root first, excluding the area itself. */
  ancestors: z.array(z.string().min(1)),
  /** English name. */
  nameEn: z.string().min(1),
  /** Hindi (Devanagari) name, if known. */
  nameHi: z.string().min(1).nullable(),
  /** For seats: leadership's class from the last result. */
  seatClass: seatClassSchema.nullable().optional(),
  /** For seats: last winning margin in votes (negative when the party lost). */
  lastMargin: z.number().int().nullable().optional(),
  /** Size figures used by targets: booths under the area, registered voters. */
  boothCount: z.number().int().nonnegative().optional(),
  voterCount: z.number().int().nonnegative().optional(),
});

export const AreaCreatedV1 = defineEvent({
  type: 'org.area.created',
  version: 1,
  topic: ORG_AREA_TOPIC.name,
  description: 'An area was added to the hierarchy.',
  payload: areaSnapshot,
});

export type AreaSnapshot = z.infer<typeof areaSnapshot>;
export const ORG_EVENTS = [AreaCreatedV1];
