import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** `org-directory`: only the fields of org's areas this service reads. */
@Schema({ collection: 'org_directory_areas', versionKey: false })
export class DirectoryAreaDocument {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) level!: string;
  @Prop({ type: String, default: null }) parentId!: string | null;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, default: null }) lokSabhaId!: string | null;
  /** Seat names for the leadership overview. */
  @Prop({ type: String, default: null }) nameEn!: string | null;
  @Prop({ type: String, default: null }) nameHi!: string | null;
  @Prop({ type: String, required: true }) lastEventId!: string;
}
export const DirectoryAreaSchema = SchemaFactory.createForClass(DirectoryAreaDocument);
// The assembly segments of a Lok Sabha seat, to find the zone holding it.
DirectoryAreaSchema.index({ lokSabhaId: 1, level: 1 });
DirectoryAreaSchema.index({ ancestors: 1 });

/** `org-directory`: members, for prospects who are members (existence, zone, name) and collectors. */
@Schema({ collection: 'org_directory_members', versionKey: false })
export class DirectoryMemberDocument {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) name!: string;
  @Prop({ type: String, required: true }) status!: string;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, required: true }) lastEventId!: string;
}
export const DirectoryMemberSchema = SchemaFactory.createForClass(DirectoryMemberDocument);
DirectoryMemberSchema.index({ ancestors: 1 });
DirectoryMemberSchema.index({ areaId: 1 });

/** `org-directory`: who holds which position (zone coordinators, the national president). */
@Schema({ collection: 'org_directory_positions', versionKey: false })
export class DirectoryPositionDocument {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) type!: string;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: String, default: null }) memberId!: string | null;
  @Prop({ type: String, required: true }) lastEventId!: string;
}
export const DirectoryPositionSchema = SchemaFactory.createForClass(DirectoryPositionDocument);
DirectoryPositionSchema.index({ memberId: 1, type: 1 });
