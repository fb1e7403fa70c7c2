import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { memberKindSchema, memberStatusSchema, positionTypeSchema } from './area-level';
import { ORG_MEMBER_TOPIC } from './org.topics';

/**
 * What every member event carries. Phone numbers never travel on the bus; consumers that need to
 * reach a member ask org over HTTP.
 */
const memberSnapshot = z.object({
  /** Stable member id (UUIDv7). */
  memberId: z.string().min(1),
  /** Name as the member writes it (Devanagari or Latin). */
  name: z.string().min(1),
  /** Name in the other script, if known. */
  nameAlt: z.string().min(1).nullable(),
  kind: memberKindSchema,
  status: memberStatusSchema,
  /** Home area (usually a booth, sector or mandal). */
  areaId: z.string().min(1),
  /** Ancestors of the home area, root first. */
  ancestors: z.array(z.string().min(1)),
  /** When the member joined (ISO-8601). */
  joinedAt: z.iso.datetime({ offset: true }),
});

export const MemberJoinedV1 = defineEvent({
  type: 'org.member.joined',
  version: 1,
  topic: ORG_MEMBER_TOPIC.name,
  description: 'A member was registered (over HTTP or by a bulk import).',
  payload: memberSnapshot,
});

export const MemberUpdatedV1 = defineEvent({
  type: 'org.member.updated',
  version: 1,
  topic: ORG_MEMBER_TOPIC.name,
  description:
    "A member's name, kind, phone or home area changed (the payload is the new state; a phone change only says `phone` in `changed`).",
  payload: memberSnapshot.extend({
    /** Names of the fields that changed. */
    changed: z.array(z.string().min(1)),
  }),
});

export const MemberDeactivatedV1 = defineEvent({
  type: 'org.member.deactivated',
  version: 1,
  topic: ORG_MEMBER_TOPIC.name,
  description:
    'A member was marked inactive or replaced; the positions they held were vacated (separate events).',
  payload: memberSnapshot.extend({
    /** Free-text reason given by the person who deactivated them. */
    reason: z.string().nullable(),
    /** Member who takes over their work, when `status` is `replaced`. */
    replacedBy: z.string().min(1).nullable(),
  }),
});

export const MemberReactivatedV1 = defineEvent({
  type: 'org.member.reactivated',
  version: 1,
  topic: ORG_MEMBER_TOPIC.name,
  description: 'An inactive or replaced member became active again.',
  payload: memberSnapshot.extend({
    /** Free-text reason. */
    reason: z.string().nullable(),
  }),
});

const positionFields = z.object({
  /** `<type>:<areaId>`, e.g. `district-president:UP-D-LUCKNOW`. */
  positionId: z.string().min(1),
  type: positionTypeSchema,
  /** Area the position covers. */
  areaId: z.string().min(1),
  /** Ancestors of that area, root first. */
  ancestors: z.array(z.string().min(1)),
  /** For IT-cell positions: the central team or a state's team; null otherwise. */
  itTeam: z.enum(['central', 'state']).nullable(),
  /** The member this event is about (also the message key). */
  memberId: z.string().min(1),
});

export const PositionAssignedV1 = defineEvent({
  type: 'org.position.assigned',
  version: 1,
  topic: ORG_MEMBER_TOPIC.name,
  description:
    'A member now holds a position. If someone held it before, org.position.vacated for them precedes this event.',
  payload: positionFields.extend({
    /** Previous holder, who was vacated by this assignment, or null. */
    previousHolderId: z.string().min(1).nullable(),
    /** Since when (ISO-8601). */
    since: z.iso.datetime({ offset: true }),
  }),
});

export const PositionVacatedV1 = defineEvent({
  type: 'org.position.vacated',
  version: 1,
  topic: ORG_MEMBER_TOPIC.name,
  description: 'A member no longer holds a position (replaced by someone, released, or deactivated).',
  payload: positionFields.extend({
    /** Why: `replaced` by a new holder, `released` on request, `deactivated` with the member. */
    reason: z.enum(['replaced', 'released', 'deactivated']),
    /** New holder when `reason` is `replaced`. */
    successorId: z.string().min(1).nullable(),
    /** When they had started (ISO-8601). */
    since: z.iso.datetime({ offset: true }),
    /** When they stopped (ISO-8601). */
    until: z.iso.datetime({ offset: true }),
  }),
});

export type MemberSnapshot = z.infer<typeof memberSnapshot>;
export const ORG_MEMBER_EVENTS = [
  MemberJoinedV1,
  MemberUpdatedV1,
  MemberDeactivatedV1,
  MemberReactivatedV1,
  PositionAssignedV1,
  PositionVacatedV1,
];
