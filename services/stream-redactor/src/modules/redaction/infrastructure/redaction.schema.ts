import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxCarrier } from '@sangathan/messaging';

export const REDACTIONS_COLLECTION = 'redactions';

/** One internal event that was redacted (its id is the event's), carrying the analyst events until published. */
@Schema({ collection: REDACTIONS_COLLECTION, versionKey: false })
export class Redaction extends OutboxCarrier {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) sourceType!: string;
  /** Kept 30 days: long enough to drop any redelivery, after which the analyst events are long published. */
  @Prop({ type: Date, required: true, expires: 30 * 24 * 3600 }) redactedAt!: Date;
}

export const RedactionSchema = SchemaFactory.createForClass(Redaction);
