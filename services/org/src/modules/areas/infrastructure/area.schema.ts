import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AREA_LEVELS, type AreaLevel, type SeatClass } from '@sangathan/contracts';
import type { OutboxEntry } from '@sangathan/messaging';
import { Schema as MongooseSchema } from 'mongoose';

/** An area document; `ancestors` (multikey index) makes subtree queries one index lookup. */
@Schema({ collection: 'areas', versionKey: false, timestamps: true })
export class AreaDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: AREA_LEVELS })
  level!: AreaLevel;

  @Prop({ type: String, default: null })
  parentId!: string | null;

  @Prop({ type: [String], default: [], index: true })
  ancestors!: string[];

  @Prop({ type: String, required: true })
  nameEn!: string;

  @Prop({ type: String, default: null })
  nameHi!: string | null;

  @Prop({ type: String, default: null })
  seatClass!: SeatClass | null;

  @Prop({ type: Number, default: null })
  lastMargin!: number | null;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  outbox!: OutboxEntry[];

  @Prop({ type: Date, index: { sparse: true } })
  outboxDueAt?: Date;
}

export const AreaSchema = SchemaFactory.createForClass(AreaDocument);
AreaSchema.index({ level: 1, _id: 1 });
