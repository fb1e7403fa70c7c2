import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxCarrier } from '@sangathan/messaging';
import type { Sealed } from './field-cipher';

/** A panel as stored: rationales and return comments sealed (see FieldCipher), everything else plain. */
@Schema({ collection: 'panels', versionKey: false })
export class PanelDocument extends OutboxCarrier {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) cycleId!: string;
  @Prop({ type: String, required: true }) seatId!: string;
  @Prop({ type: String, required: true }) seatLevel!: string;
  @Prop({ type: [String], default: [] }) seatAncestors!: string[];
  /** The zone (scope of the panel): `areaId` + `ancestors` as every area-bound document. */
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [] }) ancestors!: string[];
  @Prop({ type: String, default: null }) ownerId!: string | null;
  @Prop({ type: Date, required: true }) deadline!: Date;
  @Prop({ type: String, required: true }) status!: string;
  @Prop({ type: [String], default: [] }) collectorIds!: string[];
  @Prop({ type: [Object], default: [] }) proposal!: { prospectId: string; rationale: Sealed }[];
  @Prop({ type: Number, default: 0 }) returnCount!: number;
  @Prop({ type: Object, default: null }) returnComments!: Sealed | null;
  @Prop({ type: Date, default: null }) submittedAt!: Date | null;
  @Prop({ type: Boolean, default: null }) submittedOnTime!: boolean | null;
  @Prop({ type: Object, default: null }) decision!: { prospectId: string; by: string; at: Date } | null;
  @Prop({ type: Date, default: null }) announcedAt!: Date | null;
  @Prop({ type: Date, default: null }) deadlineMissedAt!: Date | null;
  @Prop({ type: [Object], default: [] }) history!: {
    from: string | null;
    to: string;
    by: string;
    at: Date;
  }[];
  @Prop({ type: Number, required: true }) version!: number;
  /** Key id every sealed value of the document uses (all are re-sealed on each write): what rotation looks for. */
  @Prop({ type: String, required: true }) sealedWith!: string;
}
export const PanelSchema = SchemaFactory.createForClass(PanelDocument);
PanelSchema.index({ cycleId: 1, seatId: 1 }, { unique: true });
PanelSchema.index({ ancestors: 1, _id: 1 });
PanelSchema.index({ areaId: 1, _id: 1 });
PanelSchema.index({ deadlineMissedAt: 1, status: 1, deadline: 1 });
PanelSchema.index({ sealedWith: 1 });
