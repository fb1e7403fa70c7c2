import { Meeting, type MeetingProps } from '../domain/meeting.entity';
import type { MeetingDocument } from './meeting.schema';

export type MeetingState = Omit<MeetingDocument, 'outbox' | 'outboxDueAt'>;

/** What the API returns for a meeting (the QR token hash never leaves the service). */
export type MeetingView = Omit<MeetingProps, 'qr' | 'version' | 'scheduledStart' | 'scheduledEnd'> & {
  scheduledStart: string;
  scheduledEnd: string;
  day: string;
  namedCount: number;
  totalAttendance: number;
  qrOpen: { validFrom: string; validUntil: string } | null;
  version: number;
};

export const MeetingMapper = {
  toDomain(doc: MeetingDocument): Meeting {
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
      ...rest
    } = doc as MeetingDocument & { outboxAttempts?: number; outboxClaimedBy?: string; writeId?: string };
    return Meeting.restore({ ...(rest as Omit<MeetingProps, 'id'>), id: _id } as MeetingProps);
  },

  toPersistence(meeting: Meeting, now: Date): MeetingState {
    const { id, ...props } = meeting.snapshot();
    return { _id: id, ...props, scopeKeys: meeting.scopeKeys, day: meeting.day, updatedAt: now };
  },

  toView(meeting: Meeting): MeetingView {
    const { qr, scheduledStart, scheduledEnd, ...props } = meeting.snapshot();
    return {
      ...props,
      scheduledStart: scheduledStart.toISOString(),
      scheduledEnd: scheduledEnd.toISOString(),
      day: meeting.day,
      namedCount: meeting.namedCount,
      totalAttendance: meeting.totalAttendance,
      qrOpen: qr ? { validFrom: qr.validFrom.toISOString(), validUntil: qr.validUntil.toISOString() } : null,
    };
  },
};
