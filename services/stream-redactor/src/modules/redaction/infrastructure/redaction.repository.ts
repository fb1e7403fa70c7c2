import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { RedactionsPort } from '../application/ports/redactions.port';
import { Redaction } from './redaction.schema';

@Injectable()
export class RedactionRepository implements RedactionsPort {
  constructor(
    @InjectModel(Redaction.name) private readonly model: Model<Redaction>,
    private readonly outbox: OutboxWriter,
  ) {}

  async record(source: { eventId: string; type: string }, events: readonly OutboxEntry[]): Promise<void> {
    try {
      await this.outbox.insert(
        this.model,
        { _id: source.eventId, sourceType: source.type, redactedAt: new Date() },
        events,
      );
    } catch (error) {
      // The same event delivered again: its analyst events are already in the outbox or published.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
}
