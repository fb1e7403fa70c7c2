import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Events of one rule for one member in one window; those beyond `after` go out as one summary at `dueAt`. */
@Schema({ collection: 'digests', versionKey: false })
export class DigestDocument {
  /** `<ruleId>|<memberId>|<window>`. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) ruleId!: string;
  @Prop({ type: String, required: true }) memberId!: string;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: [String], default: [] }) eventIds!: string[];
  @Prop({ type: Number, required: true }) after!: number;
  @Prop({ type: Date, required: true }) dueAt!: Date;
  @Prop({ type: String, required: true }) state!: string;
}
export const DigestSchema = SchemaFactory.createForClass(DigestDocument);
DigestSchema.index({ state: 1, dueAt: 1 });
