import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { MEETINGS_QUOTA_TOPIC } from './meetings.topics';

const id = z.string().min(1);

export const QuotaMissedV1 = defineEvent({
  type: 'meetings.quota.missed',
  version: 1,
  topic: MEETINGS_QUOTA_TOPIC.name,
  description:
    'A position holder held fewer meetings (or fewer with a verified photo) than their daily quota on a day. Published once per holder and day.',
  payload: z.object({
    /** Member who holds the position; also the Kafka key. */
    memberId: id,
    /** Role of the position the quota applies to, e.g. `incharge`. */
    role: id,
    /** Area the position covers and its ancestors, root first. */
    areaId: id,
    ancestors: z.array(id),
    /** Day in India Standard Time, YYYY-MM-DD. */
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The rule: meetings per day and whether each needs a photo. */
    requiredMeetings: z.number().int().positive(),
    photoRequired: z.boolean(),
    /** Meetings held that day with this member as organiser. */
    heldCount: z.number().int().nonnegative(),
    /** Of those, how many have at least one verified photo. */
    withVerifiedPhotoCount: z.number().int().nonnegative(),
    /** Of those, how many have any photo at all. */
    withPhotoCount: z.number().int().nonnegative(),
    /** `short`: too few meetings; `no-photos`: enough meetings but photos missing. */
    shortfall: z.enum(['short', 'no-photos']),
  }),
});

export const QUOTA_EVENTS = [QuotaMissedV1];
