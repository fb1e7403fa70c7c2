import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxCarrier } from '@sangathan/messaging';

export const PUBLICATIONS_COLLECTION = 'momentum_publications';

@Schema({ collection: PUBLICATIONS_COLLECTION, versionKey: false })
export class PublicationDocument extends OutboxCarrier {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: Number, required: true }) score!: number;
  @Prop({ type: Date, required: true }) publishedAt!: Date;
  @Prop({ type: Boolean, required: true }) below!: boolean;
  @Prop({ type: Number, default: null }) dropDay!: number | null;
  @Prop({ type: Number, required: true }) formulaVersion!: number;
}

export const PublicationSchema = SchemaFactory.createForClass(PublicationDocument);
