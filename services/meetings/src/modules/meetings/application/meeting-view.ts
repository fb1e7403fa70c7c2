import type { Meeting } from '../domain/meeting.entity';
import type { MeetingProps } from '../domain/meeting.types';

/** What the API returns for a meeting (the QR token hash never leaves the service). */
export type MeetingView = Omit<
  MeetingProps,
  'qr' | 'version' | 'scheduledStart' | 'scheduledEnd' | 'photoIds'
> & {
  scheduledStart: string;
  scheduledEnd: string;
  day: string;
  namedCount: number;
  totalAttendance: number;
  qrOpen: { validFrom: string; validUntil: string } | null;
  version: number;
};

export function toMeetingView(meeting: Meeting): MeetingView {
  const { qr, scheduledStart, scheduledEnd, photoIds: _photoIds, ...props } = meeting.snapshot();
  return {
    ...props,
    scheduledStart: scheduledStart.toISOString(),
    scheduledEnd: scheduledEnd.toISOString(),
    day: meeting.day,
    namedCount: meeting.namedCount,
    totalAttendance: meeting.totalAttendance,
    qrOpen: qr ? { validFrom: qr.validFrom.toISOString(), validUntil: qr.validUntil.toISOString() } : null,
  };
}
