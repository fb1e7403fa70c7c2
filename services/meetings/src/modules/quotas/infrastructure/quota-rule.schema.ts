import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A daily quota per position type (overrides the built-in default for in-charges). */
@Schema({ collection: 'quota_rules', versionKey: false, timestamps: true })
export class QuotaRuleDocument {
  /** The position type, e.g. `sector-incharge`. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: Number, required: true })
  minMeetings!: number;

  @Prop({ type: Number, required: true })
  targetMeetings!: number;

  @Prop({ type: Boolean, required: true })
  photoRequired!: boolean;

  @Prop({ type: [String], default: [] })
  countedKinds!: string[];

  /** False switches the rule (and the default for that type) off. */
  @Prop({ type: Boolean, default: true })
  active!: boolean;
}

export const QuotaRuleSchema = SchemaFactory.createForClass(QuotaRuleDocument);
