import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AreaLevel, SessionPlan, TargetRule, TrainingAudience } from '@sangathan/contracts';
import { OutboxCarrier } from '@sangathan/messaging';
import { Schema as MongooseSchema } from 'mongoose';
import type { RsvpStatus, SessionStatus } from '../domain/participant.entity';
import type {
  ParticipantState,
  PlannedSessionRecord,
  ProgrammeState,
  SessionState,
} from '../domain/training-state';

/** A training programme; `areaId` is its root area so scope filters work like every other document. */
@Schema({ collection: 'programmes', versionKey: false })
export class ProgrammeDocument extends OutboxCarrier implements ProgrammeState {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, default: null }) titleHi!: string | null;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [], index: true }) ancestors!: string[];
  @Prop({ type: Date, required: true }) windowStart!: Date;
  @Prop({ type: Date, required: true }) windowEnd!: Date;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) audience!: TrainingAudience;
  /** Audience position types that can exist at the audience levels (what invitations look for). */
  @Prop({ type: [String], default: [] }) audienceTypes!: string[];
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) sessionPlan!: SessionPlan;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) targetRule!: TargetRule;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) schedule!: Record<string, unknown>;
  @Prop({ type: Number, default: null }) passScore!: number | null;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) plannedSessions!: PlannedSessionRecord[];
  @Prop({ type: Number, required: true }) sessionCount!: number;
  @Prop({ type: Number, required: true }) totalTarget!: number;
  /** Plan areas whose size figure was unknown (they got the minimum target). */
  @Prop({ type: [String], default: [] }) missingTargetBasis!: string[];
  /** `pending` until every session exists and every invitation is written; resumed after a crash. */
  @Prop({ type: String, required: true, index: true }) materialisation!: 'pending' | 'done';
  /** Invitations written so far (grows per chunk while `pending`: materialisation progress). */
  @Prop({ type: Number, default: 0 }) invitedCount!: number;
  /** Sessions whose invitations are all written. */
  @Prop({ type: Number, default: 0 }) sessionsInvited!: number;
  @Prop({ type: Date, default: null }) materialisedAt!: Date | null;
  @Prop({ type: Date, default: null }) leaseUntil!: Date | null;
  @Prop({ type: String, default: null }) createdBy!: string | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}
export const ProgrammeSchema = SchemaFactory.createForClass(ProgrammeDocument);

@Schema({ collection: 'sessions', versionKey: false })
export class SessionDocument extends OutboxCarrier implements SessionState {
  /** `<programmeId>.<areaId>`: deterministic, so regenerating a plan never duplicates a session. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) programmeId!: string;
  @Prop({ type: String, required: true, index: true }) areaId!: string;
  @Prop({ type: String, required: true }) areaLevel!: AreaLevel;
  @Prop({ type: [String], default: [], index: true }) ancestors!: string[];
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: Date, required: true }) startsAt!: Date;
  @Prop({ type: Date, required: true }) endsAt!: Date;
  @Prop({ type: String, default: null }) venue!: string | null;
  @Prop({ type: Number, required: true }) target!: number;
  @Prop({ type: Number, default: null }) capacity!: number | null;
  @Prop({ type: Boolean, required: true }) allowWalkIns!: boolean;
  @Prop({ type: Number, default: null }) passScore!: number | null;
  @Prop({ type: String, required: true }) status!: SessionStatus;
  /** Seat holders: a seat is claimed by one conditional update of this document (capacity check + $push). */
  @Prop({ type: [String], default: [] }) registeredIds!: string[];
  @Prop({ type: Number, default: 0 }) registeredCount!: number;
  /** `pending` until this session's invitations are all written. */
  @Prop({ type: String, required: true }) invitations!: 'pending' | 'done';
  @Prop({ type: Number, default: 0 }) invitedCount!: number;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) turnout!: Record<string, number> | null;
  @Prop({ type: Date, default: null }) heldAt!: Date | null;
  @Prop({ type: Date, default: null }) cancelledAt!: Date | null;
  @Prop({ type: String, default: null }) cancelReason!: string | null;
}
export const SessionSchema = SchemaFactory.createForClass(SessionDocument);
SessionSchema.index({ programmeId: 1, _id: 1 });

@Schema({ collection: 'participants', versionKey: false })
export class ParticipantDocument extends OutboxCarrier implements ParticipantState {
  /** `<sessionId>~<memberId>`. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) sessionId!: string;
  @Prop({ type: String, required: true }) programmeId!: string;
  /** The session's area and its ancestors (scope). */
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, required: true, index: true }) memberId!: string;
  @Prop({ type: String, required: true }) name!: string;
  @Prop({ type: String, default: null }) nameAlt!: string | null;
  @Prop({ type: String, default: null }) positionId!: string | null;
  @Prop({ type: String, default: null }) memberAreaId!: string | null;
  @Prop({ type: String, required: true }) status!: RsvpStatus;
  @Prop({ type: Boolean, default: false }) walkIn!: boolean;
  @Prop({ type: Date, default: null }) invitedAt!: Date | null;
  @Prop({ type: Date, default: null }) registeredAt!: Date | null;
  @Prop({ type: Date, default: null }) waitlistedAt!: Date | null;
  @Prop({ type: Date, default: null }) declinedAt!: Date | null;
  @Prop({ type: Date, default: null }) attendedAt!: Date | null;
  @Prop({ type: String, default: null }) checkInMethod!: 'list' | 'qr' | null;
  @Prop({ type: Date, default: null }) completedAt!: Date | null;
  @Prop({ type: Number, default: null }) score!: number | null;
  @Prop({ type: Number, default: null }) rating!: number | null;
  @Prop({ type: String, default: null }) comment!: string | null;
  @Prop({ type: Date, default: null }) feedbackAt!: Date | null;
  /**
   * The invitation batch that carries this participant's `invited` event, until the participant's
   * next own event is written (see ParticipantRepository): then null. Invitations written one by one
   * (late joiners) and walk-ins carry their events themselves and have none.
   */
  @Prop({ type: String, default: null }) invitationBatchId!: string | null;
}
export const ParticipantSchema = SchemaFactory.createForClass(ParticipantDocument);
ParticipantSchema.index({ sessionId: 1, _id: 1 });
ParticipantSchema.index({ sessionId: 1, status: 1, waitlistedAt: 1 });
ParticipantSchema.index({ programmeId: 1, _id: 1 });

/**
 * The `training.participant.invited` events of one chunk of invitations (up to a few hundred), carried
 * by one outbox document instead of one per participant: the relay then claims, publishes and
 * acknowledges a chunk with a handful of single-document operations. Its id is derived from the
 * session and the chunk's position, so a resumed run does not write a chunk's events twice.
 */
@Schema({ collection: 'invitation_batches', versionKey: false })
export class InvitationBatchDocument extends OutboxCarrier {
  /** `<sessionId>#<chunk>` for materialised chunks, `<sessionId>~<memberId>#late` for late joiners. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) sessionId!: string;
  @Prop({ type: String, required: true }) programmeId!: string;
  @Prop({ type: Number, required: true }) eventCount!: number;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}
export const InvitationBatchSchema = SchemaFactory.createForClass(InvitationBatchDocument);
