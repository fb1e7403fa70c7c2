import {
  AnalystSessionCheckedInV1,
  AnalystSessionHeldV1,
  type EventOf,
  type TrainingAttendanceRecordedV1,
  type TrainingSessionHeldV1,
} from '@sangathan/contracts';
import { analystEvent, type AnalystEvent } from './analyst-event';
import { istDay } from './ist-day';
import type { Pseudonymiser } from './pseudonymiser';

export function redactSessionHeld(event: EventOf<typeof TrainingSessionHeldV1>): AnalystEvent[] {
  const p = event.payload;
  return [
    analystEvent(
      AnalystSessionHeldV1,
      {
        programmeId: p.programmeId,
        sessionId: p.sessionId,
        areaId: p.areaId,
        areaLevel: p.areaLevel,
        ancestors: p.ancestors,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        heldOn: istDay(p.startsAt),
        target: p.target,
        invitedCount: p.invitedCount,
        registeredCount: p.registeredCount,
        attendedCount: p.attendedCount,
        walkInCount: p.walkInCount,
        completedCount: p.completedCount,
        turnoutRatio: p.turnoutRatio,
      },
      p.sessionId,
    ),
  ];
}

/** The participant record id is dropped too: inside training it leads straight to the member. */
export function redactAttendanceRecorded(
  event: EventOf<typeof TrainingAttendanceRecordedV1>,
  pseudonyms: Pseudonymiser,
): AnalystEvent[] {
  const p = event.payload;
  return [
    analystEvent(
      AnalystSessionCheckedInV1,
      {
        programmeId: p.programmeId,
        sessionId: p.sessionId,
        areaId: p.areaId,
        // The check-in carries no ancestors of its own: the envelope's path is the session area's.
        ancestors: event.areaPath,
        ...pseudonyms.member(p.memberId, event.occurredAt),
        method: p.method,
        walkIn: p.walkIn,
        checkedInAt: p.checkedInAt,
      },
      p.sessionId,
    ),
  ];
}
