import { ValidationError, type ErrorDetail } from '@sangathan/kernel';
import type { AttendanceMethod, Attendee, LinkedArea, ResolvedAttendee } from './meeting.types';
import { MEETING_RULES } from './meeting-time-rules';

/** What the attendance rules read of a meeting. */
export type AttendanceScope = {
  areaId: string;
  linkedAreas: readonly LinkedArea[];
  attendees: readonly Attendee[];
};

/**
 * The attendees to add: each must lie in the meeting's area (a linked district is under it), one outsider refuses
 * them all; members already present are skipped; a named attendee of a vc-review counts for the linked district
 * they belong to.
 */
export function checkedAttendees(
  meeting: AttendanceScope,
  attendees: readonly ResolvedAttendee[],
  method: AttendanceMethod,
  now: Date,
): Attendee[] {
  const present = new Set(meeting.attendees.map((a) => a.memberId));
  const outside: ErrorDetail[] = [];
  const added: Attendee[] = [];
  for (const attendee of attendees) {
    const district =
      meeting.linkedAreas.find(
        (l) => attendee.areaId === l.areaId || attendee.ancestors.includes(l.areaId),
      ) ?? null;
    const inside = attendee.areaId === meeting.areaId || attendee.ancestors.includes(meeting.areaId);
    if (!inside) {
      outside.push({
        field: 'attendees',
        message: `${attendee.memberId} belongs to ${attendee.areaId}, outside ${meeting.areaId}`,
      });
      continue;
    }
    if (present.has(attendee.memberId)) continue;
    present.add(attendee.memberId);
    added.push({
      memberId: attendee.memberId,
      areaId: attendee.areaId,
      method,
      recordedAt: now,
      districtId: district?.areaId ?? null,
    });
  }
  if (outside.length)
    throw new ValidationError(
      'ATTENDEE_OUTSIDE_AREA',
      `${outside.length} attendee(s) are outside the meeting's area`,
      outside,
    );
  if (present.size > MEETING_RULES.maxAttendees) {
    throw new ValidationError('TOO_MANY_ATTENDEES', `at most ${MEETING_RULES.maxAttendees} named attendees`, [
      { field: 'attendees', message: 'too many' },
    ]);
  }
  return added;
}

/** The linked districts with these headcounts set (held) or added (later); each must be linked into the meeting. */
export function withDistrictHeadcounts(
  linkedAreas: readonly LinkedArea[],
  counts: readonly { areaId: string; headcount: number }[],
  mode: 'set' | 'add',
): LinkedArea[] {
  const unknown = counts.filter((c) => !linkedAreas.some((l) => l.areaId === c.areaId));
  if (unknown.length) {
    throw new ValidationError(
      'NOT_A_LINKED_AREA',
      'district headcounts must be for areas linked into this meeting',
      unknown.map((u) => ({ field: 'districts', message: `${u.areaId} is not linked` })),
    );
  }
  return linkedAreas.map((linked) => {
    const count = counts.find((c) => c.areaId === linked.areaId);
    if (!count) return linked;
    return { ...linked, headcount: mode === 'set' ? count.headcount : linked.headcount + count.headcount };
  });
}
