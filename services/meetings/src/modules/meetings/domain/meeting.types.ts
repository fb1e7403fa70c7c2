import type { MeetingKind } from '@sangathan/contracts';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export type AttendanceMethod = 'organiser' | 'qr' | 'late-addition';

/** A member present at the meeting, with the area they belong to. */
export type Attendee = {
  memberId: string;
  areaId: string;
  method: AttendanceMethod;
  recordedAt: Date;
  districtId: string | null;
};

/** A district (or other area) linked into a video-conference review. */
export type LinkedArea = { areaId: string; ancestors: string[]; roomId: string | null; headcount: number };

/** An area reference as the domain needs it for subtree checks. */
export type AreaRef = { areaId: string; ancestors: readonly string[] };

/** A member the application resolved to their area, ready to be checked in. */
export type ResolvedAttendee = { memberId: string } & AreaRef;

export type QrPass = { tokenHash: string; validFrom: Date; validUntil: Date };

export type MeetingProps = {
  id: string;
  kind: MeetingKind;
  title: string;
  agenda: string | null;
  minutes: string | null;
  areaId: string;
  ancestors: string[];
  organiserId: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  status: MeetingStatus;
  expectedMemberIds: string[];
  expectedPositionTypes: string[];
  expectedAttendeeCount: number;
  linkedAreas: LinkedArea[];
  socialGroup: string | null;
  heldStart: Date | null;
  heldEnd: Date | null;
  heldRecordedAt: Date | null;
  attendanceLocksAt: Date | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  attendees: Attendee[];
  headcount: number;
  /**
   * Photos attached (announced before their records are written, so it may name a photo whose
   * upload failed). Lets a held or rescheduled write find them by id instead of searching the photos.
   */
  photoIds: string[];
  qr: QrPass | null;
  createdBy: string;
  createdAt: Date;
  version: number;
};

export type MeetingDomainEvent =
  | { kind: 'scheduled'; at: Date }
  | { kind: 'rescheduled'; previousStart: Date; previousEnd: Date; at: Date }
  | { kind: 'cancelled'; reason: string; at: Date }
  | { kind: 'held'; at: Date }
  | {
      kind: 'attendance-recorded';
      addedMemberIds: string[];
      /** People this recording added: the named members plus the headcount. */
      addedAttendance: number;
      method: AttendanceMethod;
      districtId: string | null;
      at: Date;
    };

export type ScheduleInput = {
  id: string;
  kind: MeetingKind;
  title: string;
  agenda: string | null;
  area: AreaRef;
  organiserId: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  expectedMemberIds: string[];
  expectedPositionTypes: string[];
  expectedAttendeeCount: number;
  linkedAreas: (AreaRef & { roomId: string | null })[];
  socialGroup: string | null;
  createdBy: string;
};
