import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AREA_LEVELS, type AreaLevel, type SeatClass } from '@sangathan/contracts';
import { OutboxCarrier } from '@sangathan/messaging';
import { Schema as MongooseSchema } from 'mongoose';

/** Booth committee, volunteers and WhatsApp groups, kept on the booth's own area document (booths module). */
export type BoothState = {
  committeeMemberIds: string[];
  committeeRequired: number;
  committeeFormedAt: Date | null;
  volunteerIds: string[];
  volunteerTarget: number;
  whatsappGroups: { name: string; inviteLink: string | null; memberCount: number }[];
};

/** An area document; `ancestors` (multikey, in the compound indexes below) makes subtree queries one index lookup. */
@Schema({ collection: 'areas', versionKey: false, timestamps: true })
export class AreaDocument extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: AREA_LEVELS })
  level!: AreaLevel;

  @Prop({ type: String, default: null })
  parentId!: string | null;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  @Prop({ type: String, required: true })
  nameEn!: string;

  @Prop({ type: String, default: null })
  nameHi!: string | null;

  /** Folded English and Hindi names (`searchKey`) for anchored prefix search. */
  @Prop({ type: [String], default: [] })
  nameKeys!: string[];

  @Prop({ type: String, default: null })
  seatClass!: SeatClass | null;

  @Prop({ type: Number, default: null })
  lastMargin!: number | null;

  @Prop({ type: String, default: null })
  lokSabhaId?: string | null;

  @Prop({ type: Number, default: null })
  boothCount?: number | null;

  @Prop({ type: Number, default: null })
  voterCount?: number | null;

  @Prop({ type: Number, default: null })
  beneficiaryCount?: number | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  socialComposition?: Record<string, number> | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: undefined })
  booth?: BoothState;

  /** Set while the subtree of a moved area is being re-pathed; cleared when done (see SubtreeRepathRepository). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: undefined })
  repath?: { from: string[]; to: string[] };

  /** Optimistic concurrency: every update is conditional on it. */
  @Prop({ type: Number, default: 0 })
  version?: number;

  /** Kept by mongoose (`timestamps`) on updates; an insert through the outbox writer sets both itself. */
  createdAt?: Date;
  updatedAt?: Date;
}

export const AreaSchema = SchemaFactory.createForClass(AreaDocument);
// Subtree pages (`{ancestors, level?, _id > cursor}`), counts per level and re-pathing; `_id` last so a
// cursor narrows the scan.
AreaSchema.index({ ancestors: 1, level: 1, _id: 1 });
AreaSchema.index({ level: 1, _id: 1 });
// The filtered lists: name prefix, Lok Sabha seat, seat class.
AreaSchema.index({ nameKeys: 1 });
AreaSchema.index({ lokSabhaId: 1, level: 1 });
AreaSchema.index({ seatClass: 1 });
// Moves in flight (start-up finds them through it).
AreaSchema.index({ repath: 1 }, { sparse: true });
