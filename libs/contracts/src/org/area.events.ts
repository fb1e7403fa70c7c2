import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { areaLevelSchema, seatClassSchema } from './area-level';
import { ORG_AREA_TOPIC } from './org.topics';

/** Fields every area event carries, so a consumer can build a read model from any one of them. */
const areaSnapshot = z.object({
  /** Stable id of the area (its code), e.g. `UP-D-LUCKNOW`. */
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
  /**
   * Cross-link: the Lok Sabha seat this area lies in. Set on assembly seats and inherited by their
   * mandals, sectors and booths (Lok Sabha seats sit under the state in the primary tree).
   */
  lokSabhaId: z.string().min(1).nullable().optional(),
  /** Booths only: registered beneficiaries of government schemes (an aggregate, never a list of people). */
  beneficiaryCount: z.number().int().nonnegative().optional(),
  /** Booths only: share of each social group in the booth's voters (0..1, aggregates only). */
  socialComposition: z.record(z.string().min(1), z.number().min(0).max(1)).optional(),
});

export const AreaCreatedV1 = defineEvent({
  type: 'org.area.created',
  version: 1,
  topic: ORG_AREA_TOPIC.name,
  description: 'An area was added to the hierarchy.',
  payload: areaSnapshot,
});

export const AreaUpdatedV1 = defineEvent({
  type: 'org.area.updated',
  version: 1,
  topic: ORG_AREA_TOPIC.name,
  description: 'An area changed its names, cross-links or size figures (the payload is the new state).',
  payload: areaSnapshot.extend({
    /** Names of the fields that changed. */
    changed: z.array(z.string().min(1)),
  }),
});

export const AreaReclassifiedV1 = defineEvent({
  type: 'org.area.reclassified',
  version: 1,
  topic: ORG_AREA_TOPIC.name,
  description: "A seat's focus class or last margin changed (the payload is the new state).",
  payload: areaSnapshot.extend({
    /** Class before the change. */
    previousSeatClass: seatClassSchema.nullable(),
    /** Margin before the change. */
    previousMargin: z.number().int().nullable(),
  }),
});

export const AreaMovedV1 = defineEvent({
  type: 'org.area.moved',
  version: 1,
  topic: ORG_AREA_TOPIC.name,
  description:
    'An area moved to a new parent. Its whole subtree was re-pathed: in every descendant the prefix `previousAncestors + [areaId]` became `ancestors + [areaId]`; no event is sent per descendant.',
  payload: areaSnapshot.extend({
    /** Parent before the move. */
    previousParentId: z.string().min(1).nullable(),
    /** Ancestors before the move, root first. */
    previousAncestors: z.array(z.string().min(1)),
    /** How many descendants were re-pathed with it. */
    descendantCount: z.number().int().nonnegative(),
  }),
});

export type AreaSnapshot = z.infer<typeof areaSnapshot>;
export const ORG_AREA_EVENTS = [AreaCreatedV1, AreaUpdatedV1, AreaReclassifiedV1, AreaMovedV1];
