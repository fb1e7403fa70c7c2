import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MeetingKind, PhotoFlagReason, PhotoVerdict } from '@sangathan/contracts';
import { OutboxCarrier } from '@sangathan/messaging';
import { Schema as MongooseSchema } from 'mongoose';
import type { PhotoReview } from '../application/ports/photo.repository.port';

/**
 * A meeting photo's record; its bytes live in GridFS under the same id. It carries its own outbox,
 * so the record and the events announcing it are one write.
 */
@Schema({ collection: 'meeting_photos', versionKey: false })
export class PhotoDocument extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  meetingId!: string;

  @Prop({ type: String, required: true })
  kind!: MeetingKind;

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  @Prop({ type: String, required: true })
  organiserId!: string;

  @Prop({ type: Date, required: true })
  meetingStart!: Date;

  @Prop({ type: String, required: true })
  filename!: string;

  @Prop({ type: String, required: true })
  contentType!: string;

  @Prop({ type: Number, required: true })
  sizeBytes!: number;

  @Prop({ type: String, required: true })
  sha256!: string;

  @Prop({ type: Date, default: null })
  takenAt!: Date | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  gps!: { lat: number; lon: number } | null;

  /** Area whose geo the GPS was checked against (the meeting's or an ancestor's), or null. */
  @Prop({ type: String, default: null })
  geoAreaId!: string | null;

  @Prop({ type: String, required: true })
  verdict!: PhotoVerdict;

  @Prop({ type: [String], default: [] })
  reasons!: PhotoFlagReason[];

  @Prop({ type: [String], default: [] })
  duplicateOfMeetingIds!: string[];

  /** Counts as evidence: automatic verdict verified and not a duplicate, or confirmed by a reviewer. */
  @Prop({ type: Boolean, required: true })
  verified!: boolean;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  review!: PhotoReview | null;

  @Prop({ type: String, required: true })
  uploadedBy!: string;

  @Prop({ type: Date, required: true })
  uploadedAt!: Date;

  @Prop({ type: Number, required: true })
  version!: number;
}

export const PhotoSchema = SchemaFactory.createForClass(PhotoDocument);
// The same bytes twice for one meeting is a duplicate upload; across meetings it is flagged reuse.
PhotoSchema.index({ meetingId: 1, sha256: 1 }, { unique: true });
PhotoSchema.index({ sha256: 1 });
