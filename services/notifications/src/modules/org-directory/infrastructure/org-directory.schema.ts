import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An org area: names for templates, ancestors for position lookups and scope. */
@Schema({ collection: 'org_directory_areas', versionKey: false })
export class OrgDirectoryArea {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) level!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, required: true }) nameEn!: string;
  @Prop({ type: String, default: null }) nameHi!: string | null;
  /** eventId (UUIDv7, time-ordered) of the last event applied. */
  @Prop({ type: String, required: true }) lastEventId!: string;
}
export const OrgDirectoryAreaSchema = SchemaFactory.createForClass(OrgDirectoryArea);
OrgDirectoryAreaSchema.index({ ancestors: 1 });

/** An org member: name (and its script decides the default language), status, home area. */
@Schema({ collection: 'org_directory_members', versionKey: false })
export class OrgDirectoryMember {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) name!: string;
  @Prop({ type: String, default: null }) nameAlt!: string | null;
  @Prop({ type: String, required: true }) status!: string;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, required: true }) lastEventId!: string;
}
export const OrgDirectoryMemberSchema = SchemaFactory.createForClass(OrgDirectoryMember);

/** A single-holder position (`<type>:<areaId>`) and its holder (null: vacant). */
@Schema({ collection: 'org_directory_positions', versionKey: false })
export class OrgDirectoryPosition {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) type!: string;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, default: null }) memberId!: string | null;
  @Prop({ type: String, required: true }) lastEventId!: string;
}
export const OrgDirectoryPositionSchema = SchemaFactory.createForClass(OrgDirectoryPosition);
OrgDirectoryPositionSchema.index({ type: 1, areaId: 1 });
