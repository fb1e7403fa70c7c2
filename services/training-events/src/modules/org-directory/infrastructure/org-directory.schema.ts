import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Training's local copy of the org hierarchy (from org.area.* events): plan areas, scope and size figures. */
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

  /** Cross-link to the Lok Sabha seat (assembly seats and below). */
  @Prop({ type: String, default: null })
  lokSabhaId!: string | null;

  @Prop({ type: Number, default: null })
  boothCount!: number | null;

  @Prop({ type: Number, default: null })
  voterCount!: number | null;

  /** eventId (UUIDv7, time-ordered) of the last event applied: older or repeated events change nothing. */
  @Prop({ type: String, required: true })
  lastEventId!: string;
}
export const KnownAreaSchema = SchemaFactory.createForClass(KnownAreaDocument);
KnownAreaSchema.index({ level: 1, lokSabhaId: 1 });

/** A member as training needs them: name for certificates, status to skip inactive people. */
@Schema({ collection: 'known_members', versionKey: false })
export class KnownMemberDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, default: null })
  nameAlt!: string | null;

  @Prop({ type: String, required: true })
  status!: string;

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  @Prop({ type: String, required: true })
  lastEventId!: string;
}
export const KnownMemberSchema = SchemaFactory.createForClass(KnownMemberDocument);

/** A single-holder position (`<type>:<areaId>`) and who holds it now (null: vacant). */
@Schema({ collection: 'known_positions', versionKey: false })
export class KnownPositionDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  type!: string;

  @Prop({ type: String, required: true })
  areaId!: string;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  @Prop({ type: String, default: null })
  memberId!: string | null;

  @Prop({ type: String, required: true })
  lastEventId!: string;
}
export const KnownPositionSchema = SchemaFactory.createForClass(KnownPositionDocument);
KnownPositionSchema.index({ type: 1, ancestors: 1 });
KnownPositionSchema.index({ type: 1, areaId: 1 });
KnownPositionSchema.index({ memberId: 1 });
