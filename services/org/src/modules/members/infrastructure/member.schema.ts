import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MEMBER_KINDS, MEMBER_STATUSES, type MemberKind, type MemberStatus } from '@sangathan/contracts';
import { OutboxCarrier } from '@sangathan/messaging';
import { Schema as MongooseSchema } from 'mongoose';
import type { StatusChange } from '../domain/member.entity';

/** A member document. Phone is unique (E.164); `ancestors` of the home area make subtree lists one index lookup. */
@Schema({ collection: 'members', versionKey: false, timestamps: true })
export class MemberDocument extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, unique: true })
  phone!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, default: null })
  nameAlt!: string | null;

  /** Folded names (`searchKey`) of both scripts, for anchored prefix search. */
  @Prop({ type: [String], default: [], index: true })
  nameKeys!: string[];

  @Prop({ type: String, required: true, enum: MEMBER_KINDS })
  kind!: MemberKind;

  @Prop({ type: String, required: true, enum: MEMBER_STATUSES })
  status!: MemberStatus;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  statusHistory!: StatusChange[];

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [], index: true })
  ancestors!: string[];

  @Prop({ type: Date, required: true })
  joinedAt!: Date;

  /** Latest activity seen in any service's events (meetings, training, task progress). */
  @Prop({ type: Date, default: null })
  lastActiveAt!: Date | null;

  @Prop({ type: Number, default: 0 })
  version?: number;

  /** Kept by mongoose (`timestamps`) on updates; an insert through the outbox writer sets both itself. */
  createdAt?: Date;
  updatedAt?: Date;
}

export const MemberSchema = SchemaFactory.createForClass(MemberDocument);
MemberSchema.index({ areaId: 1 });
MemberSchema.index({ status: 1, lastActiveAt: 1 });

/** Positions: `_id` is `<type>:<areaId>`; the current holder plus every past tenure. */
@Schema({ collection: 'positions', versionKey: false, timestamps: true })
export class PositionDocument extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  type!: string;

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [], index: true })
  ancestors!: string[];

  @Prop({ type: String, default: null, index: true })
  holderId!: string | null;

  @Prop({ type: Date, default: null })
  since!: Date | null;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  history!: { memberId: string; since: Date; until: Date | null; reason: string | null }[];

  /** Everyone who ever held it, for "positions held by X" including past ones. */
  @Prop({ type: [String], default: [], index: true })
  holders!: string[];

  @Prop({ type: Number, default: 0 })
  version?: number;

  /** Kept by mongoose (`timestamps`) on updates; an insert through the outbox writer sets both itself. */
  createdAt?: Date;
  updatedAt?: Date;
}

export const PositionSchema = SchemaFactory.createForClass(PositionDocument);
PositionSchema.index({ areaId: 1 });
