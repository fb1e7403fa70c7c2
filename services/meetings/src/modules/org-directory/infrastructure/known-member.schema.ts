import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { HeldPosition } from '../application/ports/roster.port';

/**
 * The meetings service's roster: members and the positions they hold, from org.member.* and
 * org.position.* events (when org publishes them). Used to check attendees and to know whose
 * daily quota to count.
 */
@Schema({ collection: 'known_members', versionKey: false })
export class KnownMemberDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, default: null })
  name!: string | null;

  /** Home area and its ancestors, root first. */
  @Prop({ type: String, default: null })
  areaId!: string | null;

  @Prop({ type: [String], default: [] })
  ancestors!: string[];

  @Prop({ type: String, default: 'active' })
  status!: string;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  positions!: HeldPosition[];

  /** Position types held, flattened for the index. */
  @Prop({ type: [String], default: [] })
  positionTypes!: string[];

  /** Areas (and their ancestors) the member's positions cover: subtree lookups of holders. */
  @Prop({ type: [String], default: [] })
  positionScopeKeys!: string[];

  /** eventId (UUIDv7, time-ordered) of the last org event applied; '' for a member no event has touched yet. */
  @Prop({ type: String, default: '' })
  lastEventId!: string;
}

export const KnownMemberSchema = SchemaFactory.createForClass(KnownMemberDocument);
KnownMemberSchema.index({ positionScopeKeys: 1, positionTypes: 1 });
