import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Analytics' local copy of the org hierarchy, built from org.area.* events. */
@Schema({ collection: 'known_areas', versionKey: false })
export class KnownAreaDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  level!: string;

  @Prop({ type: String, default: null })
  parentId!: string | null;

  @Prop({ type: [String], default: [], index: true })
  ancestors!: string[];

  @Prop({ type: String, required: true })
  nameEn!: string;

  @Prop({ type: String, default: null })
  nameHi!: string | null;

  @Prop({ type: String, default: null })
  seatClass!: string | null;

  /** eventId (UUIDv7, time-ordered) of the last event applied: older or repeated events change nothing. */
  @Prop({ type: String, required: true })
  lastEventId!: string;

  /** Trace of the change that created it (lets the walking-skeleton test prove one trace spans both services). */
  @Prop({ type: String, default: null })
  traceId!: string | null;
}

export const KnownAreaSchema = SchemaFactory.createForClass(KnownAreaDocument);
