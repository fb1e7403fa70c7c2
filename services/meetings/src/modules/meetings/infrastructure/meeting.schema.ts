import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MEETING_KINDS, type MeetingKind } from '@sangathan/contracts';
import { OutboxCarrier } from '@sangathan/messaging';
import { Schema as MongooseSchema } from 'mongoose';
import type { AttendanceMethod, Attendee, LinkedArea, MeetingStatus, QrPass } from '../domain/meeting.types';

/**
 * Named attendees as stored: those recorded together (one request: same method, time and district)
 * from the same area share one group. A held meeting's 20 attendees are then a few string arrays
 * instead of 20 objects, which more than halves the document that every write and relay read carries.
 */
export type AttendanceGroup = {
  method: AttendanceMethod;
  recordedAt: Date;
  districtId: string | null;
  areaId: string;
  memberIds: string[];
};

/**
 * A meeting and its attendance in one document, so every change (and the events it emits) is one
 * atomic single-document write. `version` guards concurrent edits (optimistic concurrency).
 * Null fields and empty lists are not stored (MeetingMapper restores them), for the same reason.
 */
@Schema({ collection: 'meetings', versionKey: false })
export class MeetingDocument extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: MEETING_KINDS })
  kind!: MeetingKind;

  @Prop({ type: String, required: true })
  title!: string;

  @Prop({ type: String, default: null })
  agenda!: string | null;

  @Prop({ type: String, default: null })
  minutes!: string | null;

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  /** areaId + ancestors (+ linked districts and theirs): one multikey index answers subtree and scope filters. */
  @Prop({ type: [String], default: [] })
  scopeKeys!: string[];

  @Prop({ type: String, required: true })
  organiserId!: string;

  @Prop({ type: Date, required: true })
  scheduledStart!: Date;

  @Prop({ type: Date, required: true })
  scheduledEnd!: Date;

  /** IST day it counts for (held start, else scheduled start): quotas group by it. */
  @Prop({ type: String, required: true })
  day!: string;

  @Prop({ type: String, required: true })
  status!: MeetingStatus;

  @Prop({ type: [String], default: [] })
  expectedMemberIds!: string[];

  @Prop({ type: [String], default: [] })
  expectedPositionTypes!: string[];

  @Prop({ type: Number, default: 0 })
  expectedAttendeeCount!: number;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  linkedAreas!: LinkedArea[];

  @Prop({ type: String, default: null })
  socialGroup!: string | null;

  @Prop({ type: Date, default: null })
  heldStart!: Date | null;

  @Prop({ type: Date, default: null })
  heldEnd!: Date | null;

  @Prop({ type: Date, default: null })
  heldRecordedAt!: Date | null;

  @Prop({ type: Date, default: null })
  attendanceLocksAt!: Date | null;

  @Prop({ type: String, default: null })
  cancelReason!: string | null;

  @Prop({ type: Date, default: null })
  cancelledAt!: Date | null;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  attendance!: AttendanceGroup[];

  /**
   * Named attendees as stored before 2026-11-25 (one object each): read, and removed by the next save. Declared
   * so that the save's `$unset` of it is not dropped by mongoose's strict updates.
   */
  @Prop({ type: [MongooseSchema.Types.Mixed], default: undefined })
  attendees?: Attendee[];

  @Prop({ type: Number, default: 0 })
  headcount!: number;

  /** Always stored, even empty: a document without it predates it (its photos are then found by meetingId). */
  @Prop({ type: [String], default: [] })
  photoIds!: string[];

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  qr!: QrPass | null;

  @Prop({ type: String, required: true })
  createdBy!: string;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;

  @Prop({ type: Number, required: true })
  version!: number;
}

export const MeetingSchema = SchemaFactory.createForClass(MeetingDocument);
MeetingSchema.index({ scopeKeys: 1, scheduledStart: -1, _id: -1 });
MeetingSchema.index({ organiserId: 1, day: 1 });
