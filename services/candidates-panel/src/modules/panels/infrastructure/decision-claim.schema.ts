import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A person decided for a seat of a cycle: `_id` = `<cycleId>:<personKey>`, so a person is decided once. */
@Schema({ collection: 'decision_claims', versionKey: false })
export class DecisionClaimDocument {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) panelId!: string;
  @Prop({ type: Date, required: true }) at!: Date;
}
export const DecisionClaimSchema = SchemaFactory.createForClass(DecisionClaimDocument);
