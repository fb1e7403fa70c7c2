import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A member's notification settings and addresses (org's events carry neither phone nor e-mail). */
@Schema({ collection: 'preferences', versionKey: false })
export class MemberPreferenceDocument {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, default: null }) language!: string | null;
  @Prop({ type: String, default: null }) phone!: string | null;
  @Prop({ type: String, default: null }) email!: string | null;
  @Prop({ type: [String], default: [] }) mutedChannels!: string[];
  @Prop({ type: [String], default: [] }) mutedRules!: string[];
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}
export const MemberPreferenceSchema = SchemaFactory.createForClass(MemberPreferenceDocument);
