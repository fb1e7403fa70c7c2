import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One audit line. Written once by AuditLogRepository.append and never changed or removed. */
@Schema({ collection: 'panel_audit', versionKey: false })
export class AuditEntryDocument {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: Date, required: true }) at!: Date;
  @Prop({ type: String, required: true }) actorId!: string;
  @Prop({ type: [String], default: [] }) roles!: string[];
  @Prop({ type: String, required: true }) actorAreaId!: string;
  @Prop({ type: String, required: true }) action!: string;
  @Prop({ type: String, required: true }) outcome!: string;
  @Prop({ type: String, default: null }) code!: string | null;
  @Prop({ type: String, default: null }) panelId!: string | null;
  @Prop({ type: String, default: null }) prospectId!: string | null;
  @Prop({ type: String, required: true }) method!: string;
  @Prop({ type: String, required: true }) route!: string;
  @Prop({ type: String, default: null }) ip!: string | null;
  @Prop({ type: String, default: null }) userAgent!: string | null;
  @Prop({ type: String, default: null }) correlationId!: string | null;
}
export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryDocument);
AuditEntrySchema.index({ panelId: 1, _id: 1 });
AuditEntrySchema.index({ actorId: 1, _id: 1 });
AuditEntrySchema.index({ outcome: 1, _id: 1 });
