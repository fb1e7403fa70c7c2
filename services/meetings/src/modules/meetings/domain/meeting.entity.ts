import { ConflictError, ValidationError } from '@sangathan/kernel';
import { checkedAttendees, withDistrictHeadcounts } from './attendance-rules';
import { istDay } from './ist-day';
import { checkKindRequirements } from './meeting-kind-rules';
import type {
  MeetingStatus,
  AttendanceMethod,
  ResolvedAttendee,
  QrPass,
  MeetingProps,
  MeetingDomainEvent,
  ScheduleInput,
} from './meeting.types';
import {
  attendanceLockFor,
  checkHeldWindow,
  checkInOpen,
  checkPlannedStart,
  checkWindow,
  qrPassFor,
} from './meeting-time-rules';

/** A meeting: scheduled, then either held (with attendance) or cancelled. */
export class Meeting {
  private readonly pending: MeetingDomainEvent[] = [];

  private constructor(private props: MeetingProps) {}

  static schedule(input: ScheduleInput, now: Date): Meeting {
    checkWindow(input.scheduledStart, input.scheduledEnd, 'scheduledEnd');
    checkPlannedStart(input.scheduledStart, now, { backdating: true });
    checkKindRequirements(input);
    const meeting = new Meeting({
      id: input.id,
      kind: input.kind,
      title: input.title,
      agenda: input.agenda,
      minutes: null,
      areaId: input.area.areaId,
      ancestors: [...input.area.ancestors],
      organiserId: input.organiserId,
      scheduledStart: input.scheduledStart,
      scheduledEnd: input.scheduledEnd,
      status: 'scheduled',
      expectedMemberIds: [...new Set(input.expectedMemberIds)],
      expectedPositionTypes: [...new Set(input.expectedPositionTypes)],
      expectedAttendeeCount: Math.max(input.expectedAttendeeCount, new Set(input.expectedMemberIds).size),
      linkedAreas: input.linkedAreas.map((a) => ({
        areaId: a.areaId,
        ancestors: [...a.ancestors],
        roomId: a.roomId,
        headcount: 0,
      })),
      socialGroup: input.socialGroup,
      heldStart: null,
      heldEnd: null,
      heldRecordedAt: null,
      attendanceLocksAt: null,
      cancelReason: null,
      cancelledAt: null,
      attendees: [],
      headcount: 0,
      photoIds: [],
      qr: null,
      createdBy: input.createdBy,
      createdAt: now,
      version: 0,
    });
    meeting.pending.push({ kind: 'scheduled', at: now });
    return meeting;
  }

  static restore(props: MeetingProps): Meeting {
    return new Meeting(props);
  }

  /** Moves a scheduled meeting and/or edits its title, agenda or minutes. */
  update(
    changes: {
      scheduledStart?: Date;
      scheduledEnd?: Date;
      title?: string;
      agenda?: string | null;
      minutes?: string | null;
    },
    now: Date,
  ): void {
    const timeChange = changes.scheduledStart !== undefined || changes.scheduledEnd !== undefined;
    const planChange = timeChange || changes.title !== undefined || changes.agenda !== undefined;
    if (this.props.status === 'cancelled')
      throw new ConflictError('MEETING_CANCELLED', 'a cancelled meeting cannot be changed', [
        { message: 'cancelled' },
      ]);
    if (planChange && this.props.status !== 'scheduled') {
      throw new ConflictError(
        'MEETING_ALREADY_HELD',
        'a held meeting keeps its plan; only its minutes can be edited',
        [{ field: timeChange ? 'scheduledStart' : 'title', message: 'meeting already held' }],
      );
    }
    if (timeChange) {
      const start = changes.scheduledStart ?? this.props.scheduledStart;
      const end = changes.scheduledEnd ?? this.props.scheduledEnd;
      checkWindow(start, end, 'scheduledEnd');
      checkPlannedStart(start, now, { backdating: false });
      if (
        start.getTime() !== this.props.scheduledStart.getTime() ||
        end.getTime() !== this.props.scheduledEnd.getTime()
      ) {
        this.pending.push({
          kind: 'rescheduled',
          previousStart: this.props.scheduledStart,
          previousEnd: this.props.scheduledEnd,
          at: now,
        });
        this.props = {
          ...this.props,
          scheduledStart: start,
          scheduledEnd: end,
          qr: this.props.qr ? qrPassFor(this.props.qr.tokenHash, start, end) : null,
        };
      }
    }
    if (changes.title !== undefined) this.props.title = changes.title;
    if (changes.agenda !== undefined) this.props.agenda = changes.agenda;
    if (changes.minutes !== undefined) this.props.minutes = changes.minutes;
  }

  cancel(reason: string, now: Date): void {
    if (this.props.status === 'cancelled')
      throw new ConflictError('MEETING_ALREADY_CANCELLED', 'the meeting is already cancelled', [
        { message: 'cancelled' },
      ]);
    if (this.props.status === 'held')
      throw new ConflictError('MEETING_ALREADY_HELD', 'a held meeting cannot be cancelled', [
        { message: 'held' },
      ]);
    this.props = { ...this.props, status: 'cancelled', cancelReason: reason, cancelledAt: now, qr: null };
    this.pending.push({ kind: 'cancelled', reason, at: now });
  }

  /**
   * Records that the meeting took place, with the attendance known then. Allowed once, for a
   * scheduled meeting, no later than 48 hours after it ended.
   */
  hold(
    input: {
      start: Date;
      end: Date;
      attendees: ResolvedAttendee[];
      headcount: number;
      districtHeadcounts: { areaId: string; headcount: number }[];
      minutes: string | null;
    },
    now: Date,
  ): void {
    if (this.props.status === 'held')
      throw new ConflictError('MEETING_ALREADY_HELD', 'the meeting is already recorded as held', [
        { message: 'held' },
      ]);
    if (this.props.status === 'cancelled')
      throw new ConflictError('MEETING_CANCELLED', 'a cancelled meeting cannot be held', [
        { message: 'cancelled' },
      ]);
    checkHeldWindow(input.start, input.end, now);
    const linked = withDistrictHeadcounts(this.props.linkedAreas, input.districtHeadcounts, 'set');
    const added = checkedAttendees(this.props, input.attendees, 'organiser', now);
    this.props = {
      ...this.props,
      status: 'held',
      heldStart: input.start,
      heldEnd: input.end,
      heldRecordedAt: now,
      attendanceLocksAt: attendanceLockFor(input.end),
      attendees: [...this.props.attendees, ...added],
      headcount: input.headcount,
      linkedAreas: linked,
      minutes: input.minutes ?? this.props.minutes,
    };
    this.pending.push({ kind: 'held', at: now });
  }

  /**
   * Adds named attendees and/or unnamed people. While scheduled: check-in at the meeting (the
   * organiser or a QR scan). Once held: late additions until `attendanceLocksAt`, then locked.
   * Members already present are skipped, so a repeated check-in changes nothing.
   */
  recordAttendance(
    input: {
      attendees: ResolvedAttendee[];
      headcount: number;
      districtId: string | null;
      method: 'organiser' | 'qr';
    },
    now: Date,
  ): { added: string[] } {
    if (this.props.status === 'cancelled')
      throw new ConflictError('MEETING_CANCELLED', 'a cancelled meeting takes no attendance', [
        { message: 'cancelled' },
      ]);
    if (this.props.status === 'held' && now > this.props.attendanceLocksAt!) {
      throw new ConflictError(
        'ATTENDANCE_LOCKED',
        `attendance locked at ${this.props.attendanceLocksAt!.toISOString()} (48 hours after the meeting)`,
        [{ message: 'locked' }],
      );
    }
    if (this.props.status === 'scheduled' && !checkInOpen(this.props.scheduledStart, now)) {
      throw new ConflictError('CHECK_IN_NOT_OPEN', 'check-in opens an hour before the meeting starts', [
        { message: 'too early' },
      ]);
    }
    if (input.districtId && !this.props.linkedAreas.some((a) => a.areaId === input.districtId)) {
      throw new ValidationError('NOT_A_LINKED_AREA', `${input.districtId} is not linked into this meeting`, [
        { field: 'districtId', message: 'not linked' },
      ]);
    }
    const method: AttendanceMethod = this.props.status === 'held' ? 'late-addition' : input.method;
    const added = checkedAttendees(this.props, input.attendees, method, now);
    let linked = this.props.linkedAreas;
    let headcount = this.props.headcount;
    if (input.districtId)
      linked = withDistrictHeadcounts(
        this.props.linkedAreas,
        [{ areaId: input.districtId, headcount: input.headcount }],
        'add',
      );
    else headcount += input.headcount;
    if (added.length === 0 && input.headcount === 0) return { added: [] };
    this.props = {
      ...this.props,
      attendees: [...this.props.attendees, ...added],
      headcount,
      linkedAreas: linked,
    };
    this.pending.push({
      kind: 'attendance-recorded',
      addedMemberIds: added.map((a) => a.memberId),
      addedAttendance: added.length + input.headcount,
      method,
      districtId: input.districtId,
      at: now,
    });
    return { added: added.map((a) => a.memberId) };
  }

  /** Attaches uploaded photos (their records are written after this). A cancelled meeting takes none. */
  attachPhotos(ids: readonly string[]): void {
    if (this.props.status === 'cancelled')
      throw new ConflictError('MEETING_CANCELLED', 'a cancelled meeting takes no photos', [
        { message: 'cancelled' },
      ]);
    this.props.photoIds = [...new Set([...this.props.photoIds, ...ids])];
  }

  /** Opens QR check-in with a token whose hash the caller computed (the token itself is never stored). */
  issueQr(tokenHash: string, now: Date): QrPass {
    if (this.props.status !== 'scheduled') {
      throw new ConflictError(
        this.props.status === 'held' ? 'MEETING_ALREADY_HELD' : 'MEETING_CANCELLED',
        `QR check-in is only for a scheduled meeting`,
        [{ message: this.props.status }],
      );
    }
    const qr = qrPassFor(tokenHash, this.props.scheduledStart, this.props.scheduledEnd);
    if (now > qr.validUntil)
      throw new ConflictError('CHECK_IN_CLOSED', 'the meeting is long over; record it held instead', [
        { message: 'closed' },
      ]);
    this.props.qr = qr;
    return qr;
  }

  /** True if `tokenHash` opens check-in now. */
  acceptsQr(tokenHash: string, now: Date): boolean {
    const qr = this.props.qr;
    return !!qr && qr.tokenHash === tokenHash && now >= qr.validFrom && now <= qr.validUntil;
  }

  pullEvents(): MeetingDomainEvent[] {
    return this.pending.splice(0, this.pending.length);
  }

  get id(): string {
    return this.props.id;
  }
  get status(): MeetingStatus {
    return this.props.status;
  }
  get areaId(): string {
    return this.props.areaId;
  }
  get ancestors(): string[] {
    return [...this.props.ancestors];
  }
  get organiserId(): string {
    return this.props.organiserId;
  }
  get version(): number {
    return this.props.version;
  }
  get photoIds(): string[] {
    return [...this.props.photoIds];
  }
  /** The IST day the meeting counts for (when held, else when planned). */
  get day(): string {
    return istDay(this.props.heldStart ?? this.props.scheduledStart);
  }
  /** Every area the meeting is visible under: its own, its ancestors and (vc-review) the linked districts and theirs. */
  get scopeKeys(): string[] {
    return [
      ...new Set([
        this.props.areaId,
        ...this.props.ancestors,
        ...this.props.linkedAreas.flatMap((l) => [l.areaId, ...l.ancestors]),
      ]),
    ];
  }
  get namedCount(): number {
    return this.props.attendees.length;
  }
  get totalAttendance(): number {
    return (
      this.props.attendees.length +
      this.props.headcount +
      this.props.linkedAreas.reduce((sum, l) => sum + l.headcount, 0)
    );
  }
  /** A copy of the state, for mappers and views. */
  snapshot(): MeetingProps {
    return {
      ...this.props,
      attendees: [...this.props.attendees],
      photoIds: [...this.props.photoIds],
      linkedAreas: this.props.linkedAreas.map((l) => ({ ...l })),
    };
  }
}
