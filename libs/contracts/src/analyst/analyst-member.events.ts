import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { memberKindSchema, memberStatusSchema, positionTypeSchema } from '../org/area-level';
import { ANALYST_MEMBER_TOPIC } from './analyst.topics';
import { daySchema, keyIdSchema, memberKeySchema } from './pseudonym';

const area = z.string().min(1);

/** A member without who they are: their pseudonymous key, kind, standing and home area. */
const pseudonymousMember = z.object({
  /** Pseudonymous key of the member (also the message key). */
  memberKey: memberKeySchema,
  /** Id of the cycle key `memberKey` was derived with. */
  keyId: keyIdSchema,
  kind: memberKindSchema,
  status: memberStatusSchema,
  /** Home area (usually a booth, sector or mandal) and its ancestors, root first. */
  areaId: area,
  ancestors: z.array(area),
  /** Day the member joined (IST). */
  joinedOn: daySchema,
});

export const AnalystMemberJoinedV1 = defineEvent({
  type: 'analyst.member.joined',
  version: 1,
  topic: ANALYST_MEMBER_TOPIC.name,
  description: 'A member was registered (from org.member.joined).',
  payload: pseudonymousMember,
});

export const AnalystMemberDeactivatedV1 = defineEvent({
  type: 'analyst.member.deactivated',
  version: 1,
  topic: ANALYST_MEMBER_TOPIC.name,
  description:
    'A member was marked inactive or replaced (from org.member.deactivated; the free-text reason stays inside org).',
  payload: pseudonymousMember.extend({
    /** Pseudonymous key of the member who takes over, when `status` is `replaced`. */
    replacedByKey: memberKeySchema.nullable(),
    /** Day it happened (IST). */
    on: daySchema,
  }),
});

export const AnalystMemberReactivatedV1 = defineEvent({
  type: 'analyst.member.reactivated',
  version: 1,
  topic: ANALYST_MEMBER_TOPIC.name,
  description: 'An inactive or replaced member became active again (from org.member.reactivated).',
  payload: pseudonymousMember.extend({
    /** Day it happened (IST). */
    on: daySchema,
  }),
});

const position = {
  /** Pseudonymous key of the holder (also the message key). */
  memberKey: memberKeySchema,
  keyId: keyIdSchema,
  positionType: positionTypeSchema,
  /** Area the position covers and its ancestors, root first. */
  areaId: area,
  ancestors: z.array(area),
  /** Day the holder started (IST). */
  since: daySchema,
};

export const AnalystPositionAssignedV1 = defineEvent({
  type: 'analyst.position.assigned',
  version: 1,
  topic: ANALYST_MEMBER_TOPIC.name,
  description: 'A member now holds a position (from org.position.assigned).',
  payload: z.object({
    ...position,
    /** True when someone held it before (who is not said). */
    hadPreviousHolder: z.boolean(),
  }),
});

export const AnalystPositionVacatedV1 = defineEvent({
  type: 'analyst.position.vacated',
  version: 1,
  topic: ANALYST_MEMBER_TOPIC.name,
  description: 'A member no longer holds a position (from org.position.vacated).',
  payload: z.object({
    ...position,
    reason: z.enum(['replaced', 'released', 'deactivated']),
    /** Day the holder stopped (IST). */
    until: daySchema,
  }),
});

export const ANALYST_MEMBER_EVENTS = [
  AnalystMemberJoinedV1,
  AnalystMemberDeactivatedV1,
  AnalystMemberReactivatedV1,
  AnalystPositionAssignedV1,
  AnalystPositionVacatedV1,
];
