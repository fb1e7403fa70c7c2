import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Sealed } from './field-cipher';

/** A prospect as stored: identity, name, phone, profile and past results sealed; the person only as a keyed hash. */
@Schema({ collection: 'prospects', versionKey: false })
export class ProspectDocument {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) panelId!: string;
  @Prop({ type: String, required: true }) kind!: string;
  /** HMAC of `member:<id>` or `phone:<e164>`: the same person on several panels, without saying who. */
  @Prop({ type: String, required: true }) personKey!: string;
  @Prop({ type: Object, default: null }) memberRef!: Sealed | null;
  @Prop({ type: Object, required: true }) name!: Sealed;
  @Prop({ type: Object, default: null }) phone!: Sealed | null;
  @Prop({ type: Object, default: null }) profile!: Sealed | null;
  @Prop({ type: Object, required: true }) pastResults!: Sealed;
  @Prop({ type: String, required: true }) addedBy!: string;
  @Prop({ type: Date, required: true }) addedAt!: Date;
  @Prop({ type: String, required: true }) sealedWith!: string;
}
export const ProspectSchema = SchemaFactory.createForClass(ProspectDocument);
ProspectSchema.index({ panelId: 1, personKey: 1 }, { unique: true });
ProspectSchema.index({ sealedWith: 1 });
