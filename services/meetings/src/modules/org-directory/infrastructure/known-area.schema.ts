import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { AreaGeoProps } from '../domain/area-geo.value-object';

/** The meetings service's copy of the org hierarchy (from org.area.* events), plus optional geo set here. */
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

  /** eventId (UUIDv7, time-ordered) of the last org event applied. */
  @Prop({ type: String, required: true })
  lastEventId!: string;

  /** Bounding box or centroid+radius, set through PUT /areas/:id/geo (org events carry none). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  geo!: AreaGeoProps | null;
}

export const KnownAreaSchema = SchemaFactory.createForClass(KnownAreaDocument);
