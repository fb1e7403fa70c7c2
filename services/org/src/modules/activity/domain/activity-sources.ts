import {
  MeetingAttendanceRecordedV1,
  MeetingHeldV1,
  PhotoSubmittedV1,
  TaskProgressedV1,
  TrainingAttendanceRecordedV1,
  TrainingCompletedV1,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
} from '@sangathan/contracts';

/** One member seen doing something at a moment. */
export type Activity = { memberId: string; at: Date };

/** An event type that proves members active, and how to read who and when from it. */
export type ActivitySource<D extends EventDefinition = EventDefinition> = {
  definition: D;
  activities(event: EventEnvelope<PayloadOf<D>>): Activity[];
};

function source<D extends EventDefinition>(
  definition: D,
  activities: (event: EventEnvelope<PayloadOf<D>>) => Activity[],
): ActivitySource {
  return { definition, activities } as unknown as ActivitySource;
}

/**
 * Every event that counts as a member's activity. Adding a service's event here is the whole job
 * of wiring it in: the consumer subscribes to these definitions and folds them into `lastActiveAt`.
 */
export const ACTIVITY_SOURCES: ActivitySource[] = [
  source(TaskProgressedV1, (e) => [{ memberId: e.payload.memberId, at: new Date(e.occurredAt) }]),
  source(MeetingHeldV1, (e) => [{ memberId: e.payload.organiserId, at: new Date(e.payload.heldEnd) }]),
  source(MeetingAttendanceRecordedV1, (e) =>
    e.payload.addedMemberIds.map((memberId) => ({ memberId, at: new Date(e.payload.recordedAt) })),
  ),
  source(PhotoSubmittedV1, (e) => [{ memberId: e.payload.uploadedBy, at: new Date(e.payload.submittedAt) }]),
  source(TrainingAttendanceRecordedV1, (e) => [
    { memberId: e.payload.memberId, at: new Date(e.payload.checkedInAt) },
  ]),
  source(TrainingCompletedV1, (e) => [{ memberId: e.payload.memberId, at: new Date(e.payload.completedAt) }]),
];

/** Latest activity per member in a batch; later moments win, so replays and reorderings are harmless. */
export function latestActivity(activities: Iterable<Activity>, now: Date = new Date()): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const { memberId, at } of activities) {
    // An activity dated in the future (clock skew) counts as now, never later.
    const when = at.getTime() > now.getTime() ? now : at;
    if (Number.isNaN(when.getTime())) continue;
    const seen = latest.get(memberId);
    if (!seen || seen.getTime() < when.getTime()) latest.set(memberId, when);
  }
  return latest;
}
