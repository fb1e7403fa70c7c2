import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { areaLevelSchema } from '../org/area-level';
import { ANALYST_TRAINING_TOPIC } from './analyst.topics';
import { daySchema, keyIdSchema, memberKeySchema } from './pseudonym';

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

export const AnalystSessionHeldV1 = defineEvent({
  type: 'analyst.session.held',
  version: 1,
  topic: ANALYST_TRAINING_TOPIC.name,
  description: 'A training session took place, with its turnout against target (from training.session.held).',
  payload: z.object({
    programmeId: id,
    /** Id of the session (also the message key). */
    sessionId: id,
    areaId: id,
    areaLevel: areaLevelSchema,
    ancestors: z.array(id),
    startsAt: instant,
    endsAt: instant,
    /** Day of `startsAt` in IST. */
    heldOn: daySchema,
    target: count,
    invitedCount: count,
    registeredCount: count,
    attendedCount: count,
    walkInCount: count,
    completedCount: count,
    turnoutRatio: z.number().nonnegative(),
  }),
});

export const AnalystSessionCheckedInV1 = defineEvent({
  type: 'analyst.session.checked-in',
  version: 1,
  topic: ANALYST_TRAINING_TOPIC.name,
  description: 'A pseudonymous member checked in to a session (from training.attendance.recorded).',
  payload: z.object({
    programmeId: id,
    sessionId: id,
    /** Area of the session and its ancestors, root first. */
    areaId: id,
    ancestors: z.array(id),
    memberKey: memberKeySchema,
    keyId: keyIdSchema,
    method: z.enum(['list', 'qr']),
    walkIn: z.boolean(),
    checkedInAt: instant,
  }),
});

export const ANALYST_TRAINING_EVENTS = [AnalystSessionHeldV1, AnalystSessionCheckedInV1];
