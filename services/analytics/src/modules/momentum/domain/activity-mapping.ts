import {
  BoothCommitteeChangedV1,
  CandidatesPanelOpenedV1,
  CandidatesPanelSubmittedV1,
  MeetingAttendanceRecordedV1,
  BoothCommitteeFormedV1,
  MeetingHeldV1,
  TaskAssignedV1,
  TaskCompletedV1,
  VolunteerAddedV1,
  VolunteerRemovedV1,
  type BoothCoverage,
  PhotoVerifiedV1,
  TrainingAttendanceRecordedV1,
  TrainingSessionHeldV1,
  definitionKey,
  type EventDefinition,
  type EventEnvelope,
  type EventOf,
  type MeetingKind,
} from '@sangathan/contracts';
import type { Activity } from './activity';
import { DAY_MS, type BoothStateName, type FlowName } from './momentum-formula';

/** An activity dated more than a day after its event was produced: rejected (DLQ), never folded. */
export class FutureActivityError extends Error {}

type Feed = FlowName | BoothStateName;
type Mapping<D extends EventDefinition> = {
  definition: D;
  feeds: readonly Feed[];
  map: (event: EventOf<D>) => Activity[];
};
const entry = <D extends EventDefinition>(
  definition: D,
  feeds: readonly Feed[],
  map: (event: EventOf<D>) => Activity[],
): Mapping<EventDefinition> => ({ definition, feeds, map }) as unknown as Mapping<EventDefinition>;

/** Weight of one held meeting in the `meetings` flow, by kind (bigger gatherings take more work). */
export const MEETING_KIND_VALUE: Record<MeetingKind, number> = {
  'daily-small': 1,
  review: 1,
  'booth-committee': 1.5,
  'vc-review': 1,
  'cadre-camp': 2,
  'participation-conference': 3,
};
/** Extra `meetings` value of a verified photo: a photo-verified meeting counts 1.5× a plain one. */
export const VERIFIED_PHOTO_VALUE = 0.5;

/** A booth's coverage after an org booth event: committee formed (0/1) and registered volunteers. */
const boothState = (e: EventEnvelope<BoothCoverage>): Activity[] => [
  {
    areaId: e.payload.boothId,
    at: Date.parse(e.occurredAt),
    booth: { committeesFormed: e.payload.committeeFormed ? 1 : 0, volunteers: e.payload.volunteerCount },
  },
];

/** A task completed after its due date counts half. */
export const LATE_TASK_VALUE = 0.5;

/** Feedback pieces at which a submitted panel counts as fully informed by the ground (fewer scale its value down). */
export const PANEL_FEEDBACK_TARGET = 30;

/**
 * Progress value of a panel's first submission: 1 on time, 0.5 late, times 0.5 + 0.5 × the share of
 * PANEL_FEEDBACK_TARGET feedback gathered. Resubmissions after a return do not count again.
 */
export function panelSubmissionValue(onTime: boolean, feedbackCount: number): number {
  return (onTime ? 1 : 0.5) * (0.5 + 0.5 * Math.min(1, feedbackCount / PANEL_FEEDBACK_TARGET));
}

/**
 * The table "event type → component + value": one entry per source event (docs/momentum.md
 * §Sources). Adding a source is one entry here, and it changes the formula fingerprint, so the
 * state is rebuilt by a replay instead of mixing events counted and not counted.
 */
export const ACTIVITY_MAPPINGS: readonly Mapping<EventDefinition>[] = [
  entry(MeetingHeldV1, ['meetings', 'attendance'], (e) => [
    {
      areaId: e.payload.areaId,
      at: Date.parse(e.payload.heldStart),
      flows: {
        meetings: MEETING_KIND_VALUE[e.payload.kind],
        attendance: Math.max(
          0,
          e.payload.totalAttendance -
            e.payload.districts.reduce((sum, d) => sum + d.namedCount + d.headcount, 0),
        ),
      },
    },
    ...e.payload.districts.map((d) => ({
      areaId: d.areaId,
      at: Date.parse(e.payload.heldStart),
      flows: { attendance: d.namedCount + d.headcount },
    })),
  ]),
  // Attendance added after the held event (the late window) counts on the meeting's date; earlier recordings are
  // already in the held event's totals. A vc-review's late addition for a district counts for that district.
  entry(MeetingAttendanceRecordedV1, ['attendance'], (e) =>
    e.payload.method === 'late-addition' && e.payload.heldStart !== undefined && e.payload.addedAttendance
      ? [
          {
            areaId: e.payload.districtId ?? e.payload.areaId,
            at: Date.parse(e.payload.heldStart),
            flows: { attendance: e.payload.addedAttendance },
          },
        ]
      : [],
  ),
  entry(PhotoVerifiedV1, ['meetings'], (e) => [
    {
      areaId: e.payload.areaId,
      at: Date.parse(e.payload.meetingStart),
      flows: { meetings: VERIFIED_PHOTO_VALUE },
    },
  ]),
  entry(TrainingSessionHeldV1, ['trainingAttended', 'trainingTarget'], (e) => [
    {
      areaId: e.payload.areaId,
      at: Date.parse(e.payload.startsAt),
      flows: { trainingAttended: e.payload.attendedCount, trainingTarget: e.payload.target },
    },
  ]),
  entry(TrainingAttendanceRecordedV1, ['attendance'], (e) => [
    { areaId: e.payload.areaId, at: Date.parse(e.payload.checkedInAt), flows: { attendance: 1 } },
  ]),
  entry(BoothCommitteeFormedV1, ['committeesFormed', 'volunteers'], boothState),
  entry(BoothCommitteeChangedV1, ['committeesFormed', 'volunteers'], boothState),
  entry(VolunteerAddedV1, ['committeesFormed', 'volunteers'], boothState),
  entry(VolunteerRemovedV1, ['committeesFormed', 'volunteers'], boothState),
  entry(TaskAssignedV1, ['tasksAssigned'], (e) => [
    { areaId: e.payload.areaId, at: Date.parse(e.occurredAt), flows: { tasksAssigned: 1 } },
  ]),
  // Both dated at the panel's opening, so the ratio is the panel's progress whatever the decay since.
  entry(CandidatesPanelOpenedV1, ['panelsOpened'], (e) => [
    { areaId: e.payload.seatId, at: Date.parse(e.payload.openedAt), flows: { panelsOpened: 1 } },
  ]),
  entry(CandidatesPanelSubmittedV1, ['panelProgress'], (e) =>
    e.payload.returnCount === 0
      ? [
          {
            areaId: e.payload.seatId,
            at: Date.parse(e.payload.openedAt),
            flows: { panelProgress: panelSubmissionValue(e.payload.onTime, e.payload.feedbackCount) },
          },
        ]
      : [],
  ),
  entry(TaskCompletedV1, ['tasksDone'], (e) => [
    {
      areaId: e.payload.areaId,
      at: Date.parse(e.occurredAt),
      flows: { tasksDone: e.payload.late ? LATE_TASK_VALUE : 1 },
    },
  ]),
];

const byKey = new Map(
  ACTIVITY_MAPPINGS.map((m) => [definitionKey(m.definition.type, m.definition.version), m]),
);

/** Event definitions that feed momentum. */
export const ACTIVITY_DEFINITIONS: readonly EventDefinition[] = ACTIVITY_MAPPINGS.map((m) => m.definition);
export const ACTIVITY_MAPPING_KEYS: readonly string[] = [...byKey.keys()];
/** Flows and booth states at least one source feeds; components built on anything else do not apply yet. */
export const SOURCED: ReadonlySet<string> = new Set(ACTIVITY_MAPPINGS.flatMap((m) => m.feeds));

/** Activities of an event (empty for events that do not count). Throws FutureActivityError for activities dated > 1 day past the event. */
export function activitiesOf(event: EventEnvelope): Activity[] {
  const mapping = byKey.get(definitionKey(event.type, event.version));
  if (!mapping) return [];
  const mapped = mapping.map(event);
  // Nearly every activity has a value: a filtered copy only when one has none.
  const activities = mapped.every(hasValue) ? mapped : mapped.filter(hasValue);
  const limit = Date.parse(event.occurredAt) + DAY_MS;
  for (const activity of activities) {
    if (!Number.isFinite(activity.at) || activity.at > limit) {
      throw new FutureActivityError(
        `activity of ${event.type} ${event.eventId} is dated ${new Date(activity.at).toISOString()}, after ${event.occurredAt} + 1 day`,
      );
    }
  }
  return activities;
}

function hasValue(activity: Activity): boolean {
  if (activity.booth) return true;
  const flows = activity.flows ?? {};
  for (const flow in flows) if (flows[flow as FlowName] !== 0) return true;
  return false;
}
