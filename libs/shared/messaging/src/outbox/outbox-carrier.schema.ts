import { Prop } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { OutboxEntry } from './outbox-entry';

/**
 * Base class of every mongoose document that carries its own outbox (`class XDocument extends
 * OutboxCarrier`): the events waiting for the relay and the time it should next look at them.
 * `SchemaFactory.createForClass` picks up inherited props, so the shape and its sparse index live here once.
 */
export abstract class OutboxCarrier {
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  outbox!: OutboxEntry[];

  @Prop({ type: Date, index: { sparse: true } })
  outboxDueAt?: Date;
}
