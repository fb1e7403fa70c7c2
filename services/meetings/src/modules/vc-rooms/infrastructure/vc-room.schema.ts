import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { VC_ROOM_STATUSES, type VcRoomStatus } from '../domain/vc-room-status';

/** A district office's video-conference room (one per office; the source counts 92 planned, 56 connected). */
@Schema({ collection: 'vc_rooms', versionKey: false, timestamps: true })
export class VcRoomDocument {
  /** Room id: the office's area id (one room per district office). */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true, enum: VC_ROOM_STATUSES })
  status!: VcRoomStatus;

  @Prop({ type: Date, default: null })
  connectedAt!: Date | null;

  @Prop({ type: String, default: null })
  note!: string | null;
}

export const VcRoomSchema = SchemaFactory.createForClass(VcRoomDocument);
VcRoomSchema.index({ ancestors: 1, status: 1 });
