import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { ORG_BOOTH_TOPIC } from './org.topics';

/** Coverage figures of one booth after the change; a read model can overwrite its row with them. */
const boothCoverage = z.object({
  /** The booth's area id (also the message key). */
  boothId: z.string().min(1),
  /** Ancestors of the booth, root first. */
  ancestors: z.array(z.string().min(1)),
  /** Lok Sabha seat the booth lies in (cross-link), if known. */
  lokSabhaId: z.string().min(1).nullable(),
  /** True once the committee has at least `committeeRequired` members. */
  committeeFormed: z.boolean(),
  /** Current committee size. */
  committeeSize: z.number().int().nonnegative(),
  /** Size the party requires for a formed committee. */
  committeeRequired: z.number().int().positive(),
  /** Current number of booth volunteers. */
  volunteerCount: z.number().int().nonnegative(),
  /** Volunteer target for the booth (5 by default). */
  volunteerTarget: z.number().int().positive(),
  /** WhatsApp groups the booth runs. */
  whatsappGroupCount: z.number().int().nonnegative(),
  /** Sum of the members of those groups. */
  whatsappMemberCount: z.number().int().nonnegative(),
});

export const BoothCommitteeFormedV1 = defineEvent({
  type: 'org.booth-committee.formed',
  version: 1,
  topic: ORG_BOOTH_TOPIC.name,
  description:
    "A booth's committee reached its required size for the first time (or again after falling below it).",
  payload: boothCoverage.extend({
    /** Members on the committee. */
    memberIds: z.array(z.string().min(1)),
  }),
});

export const BoothCommitteeChangedV1 = defineEvent({
  type: 'org.booth-committee.changed',
  version: 1,
  topic: ORG_BOOTH_TOPIC.name,
  description:
    "A booth's committee members, required size or WhatsApp groups changed without a formation (the payload is the new state).",
  payload: boothCoverage.extend({
    /** Members on the committee. */
    memberIds: z.array(z.string().min(1)),
    /** What changed: `committee`, `required-size`, `whatsapp`. */
    changed: z.array(z.string().min(1)),
  }),
});

export const VolunteerAddedV1 = defineEvent({
  type: 'org.volunteer.added',
  version: 1,
  topic: ORG_BOOTH_TOPIC.name,
  description: 'A member became a volunteer of a booth.',
  payload: boothCoverage.extend({
    /** The volunteer. */
    memberId: z.string().min(1),
  }),
});

export const VolunteerRemovedV1 = defineEvent({
  type: 'org.volunteer.removed',
  version: 1,
  topic: ORG_BOOTH_TOPIC.name,
  description: 'A member stopped being a volunteer of a booth.',
  payload: boothCoverage.extend({
    /** The former volunteer. */
    memberId: z.string().min(1),
  }),
});

export type BoothCoverage = z.infer<typeof boothCoverage>;
export const ORG_BOOTH_EVENTS = [
  BoothCommitteeFormedV1,
  BoothCommitteeChangedV1,
  VolunteerAddedV1,
  VolunteerRemovedV1,
];
