import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxCarrier } from '@sangathan/messaging';
import type { Sealed } from './field-cipher';

/** One piece of feedback: ratings plain (aggregated by the database), text sealed. Carries its own event. */
@Schema({ collection: 'feedback', versionKey: false })
export class FeedbackDocument extends OutboxCarrier {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) panelId!: string;
  @Prop({ type: String, required: true }) prospectId!: string;
  @Prop({ type: String, required: true }) source!: string;
  @Prop({ type: Object, required: true }) ratings!: Record<string, number>;
  @Prop({ type: Object, default: null }) text!: Sealed | null;
  @Prop({ type: String, required: true }) authorId!: string;
  @Prop({ type: Date, required: true }) recordedAt!: Date;
  @Prop({ type: String, required: true }) sealedWith!: string;
}
export const FeedbackSchema = SchemaFactory.createForClass(FeedbackDocument);
FeedbackSchema.index({ panelId: 1, _id: 1 });
FeedbackSchema.index({ panelId: 1, prospectId: 1, _id: 1 });
FeedbackSchema.index({ sealedWith: 1 });
