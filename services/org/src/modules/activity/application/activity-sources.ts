import {
  MeetingAttendanceRecordedV1,
  MeetingHeldV1,
  PhotoSubmittedV1,
  TaskProgressedV1,
  TrainingAttendanceRecordedV1,
  TrainingCompletedV1,
  definitionKey,
  type EventDefinition,
  type EventEnvelope,
} from '@sangathan/contracts';

/** One member seen doing something at a moment. */
export type Activity = { memberId: string; at: Date };

/** An event type that proves members active, and how to read who and when from it. */
export type ActivitySource = {
  definition: EventDefinition;
  /** The activities an event of `definition` records (none for an event of another type). */
  activities(event: EventEnvelope<unknown>): Activity[];
};

function source<P>(
  definition: EventDefinition<P>,
  activities: (event: EventEnvelope<P>) => Activity[],
): ActivitySource {
  const key = definitionKey(definition.type, definition.version);
  // The transport validated the payload against the definition its type and version name.
  const isOf = (event: EventEnvelope<unknown>): event is EventEnvelope<P> =>
    definitionKey(event.type, event.version) === key;
  return { definition, activities: (event) => (isOf(event) ? activities(event) : []) };
}

/**
 * Every event that counts as a member's activity. Adding a service's event here is the whole job
 * of wiring it in: the event controller subscribes to these definitions and folds them into `lastActiveAt`.
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
