import { Meeting } from '../domain/meeting.entity';
import type { Attendee, MeetingProps } from '../domain/meeting.types';
import type { AttendanceGroup, MeetingDocument } from './meeting.schema';

export type MeetingState = Omit<MeetingDocument, 'outbox' | 'outboxDueAt'>;

/** A meeting as stored: null fields and empty lists left out; documents written before 2026-11-25 carry `attendees` objects. */
type StoredMeeting = Partial<MeetingDocument> & Pick<MeetingDocument, '_id'> & { attendees?: Attendee[] };

/** Fields that are null or empty on most meetings and so are not stored then. */
const NULLABLE = [
  'agenda',
  'minutes',
  'socialGroup',
  'heldStart',
  'heldEnd',
  'heldRecordedAt',
  'attendanceLocksAt',
  'cancelReason',
  'cancelledAt',
  'qr',
] as const;
const LISTS = ['expectedMemberIds', 'expectedPositionTypes', 'linkedAreas'] as const;

export const MeetingMapper = {
  toDomain(doc: StoredMeeting): Meeting {
    // Relay fields (outbox*) and writeId (stamped by the former lost-update workaround, still on older
    // documents) are not part of the meeting and are never written back.
    const {
      _id,
      scopeKeys: _scopeKeys,
      day: _day,
      updatedAt: _updatedAt,
      outbox: _outbox,
      outboxDueAt: _due,
      outboxAttempts: _attempts,
      outboxClaimedBy: _claimedBy,
      writeId: _writeId,
      attendance,
      attendees,
      ...rest
    } = doc as StoredMeeting & { outboxAttempts?: number; outboxClaimedBy?: string; writeId?: string };
    const props = {
      ...rest,
      id: _id,
      attendees: attendance ? ungroupAttendees(attendance) : (attendees ?? []),
    } as Record<string, unknown>;
    for (const field of NULLABLE) props[field] ??= null;
    for (const field of [...LISTS, 'photoIds']) props[field] ??= [];
    return Meeting.restore(props as MeetingProps);
  },

  toPersistence(meeting: Meeting, now: Date): MeetingState {
    const { id, attendees, ...props } = meeting.snapshot();
    return {
      _id: id,
      ...props,
      attendance: groupAttendees(attendees),
      scopeKeys: meeting.scopeKeys,
      day: meeting.day,
      updatedAt: now,
    };
  },

  /** The stored form: what to set, and the null or empty fields to remove (an update may clear them). */
  toStorage(state: Record<string, unknown>): { set: Record<string, unknown>; unset: Record<string, ''> } {
    const set: Record<string, unknown> = {};
    // Documents written before grouping carry `attendees`; the first save replaces them.
    const unset: Record<string, ''> = { attendees: '' };
    for (const [field, value] of Object.entries(state)) {
      if (value === null || (Array.isArray(value) && value.length === 0 && field !== 'photoIds'))
        unset[field] = '';
      else set[field] = value;
    }
    return { set, unset };
  },
};

/** Attendees recorded together from one area share a group; groups keep the order of their first attendee. */
export function groupAttendees(attendees: readonly Attendee[]): AttendanceGroup[] {
  const groups = new Map<string, AttendanceGroup>();
  for (const a of attendees) {
    const key = `${a.method}|${a.recordedAt.getTime()}|${a.districtId ?? ''}|${a.areaId}`;
    const group = groups.get(key);
    if (group) group.memberIds.push(a.memberId);
    else
      groups.set(key, {
        method: a.method,
        recordedAt: a.recordedAt,
        districtId: a.districtId,
        areaId: a.areaId,
        memberIds: [a.memberId],
      });
  }
  return [...groups.values()];
}

export function ungroupAttendees(groups: readonly AttendanceGroup[]): Attendee[] {
  return groups.flatMap((g) =>
    g.memberIds.map((memberId) => ({
      memberId,
      areaId: g.areaId,
      method: g.method,
      recordedAt: new Date(g.recordedAt),
      districtId: g.districtId ?? null,
    })),
  );
}

/** Named attendees of a stored meeting (list rows project only `attendance`, or `attendees` on older documents). */
export function namedCountOf(doc: Pick<StoredMeeting, 'attendance' | 'attendees'>): number {
  return doc.attendance
    ? doc.attendance.reduce((n, g) => n + g.memberIds.length, 0)
    : (doc.attendees?.length ?? 0);
}
