import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxCarrier } from '@sangathan/messaging';

/**
 * One holder's outcome for one IST day, written once by the daily job. `_id` is
 * `<memberId>:<positionType>:<day>`, so re-running the job (or a second replica) inserts nothing
 * new and publishes nothing twice; the insert carries its quota-missed event in its outbox.
 */
@Schema({ collection: 'quota_evaluations', versionKey: false })
export class QuotaEvaluationDocument extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  memberId!: string;

  @Prop({ type: String, required: true })
  positionType!: string;

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  @Prop({ type: String, required: true })
  day!: string;

  @Prop({ type: String, required: true })
  outcome!: string;

  @Prop({ type: Number, required: true })
  held!: number;

  @Prop({ type: Number, required: true })
  withVerifiedPhoto!: number;

  @Prop({ type: Date, required: true })
  evaluatedAt!: Date;
}

export const QuotaEvaluationSchema = SchemaFactory.createForClass(QuotaEvaluationDocument);
QuotaEvaluationSchema.index({ day: 1 });
