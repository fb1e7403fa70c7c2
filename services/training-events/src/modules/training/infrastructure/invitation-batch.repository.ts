import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type {
  InvitationBatch,
  InvitationBatchRepositoryPort,
} from '../application/ports/invitation-batch-repository.port';
import { InvitationBatchDocument } from './training.schema';

@Injectable()
export class InvitationBatchRepository implements InvitationBatchRepositoryPort {
  constructor(
    @InjectModel(InvitationBatchDocument.name) private readonly batches: Model<InvitationBatchDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async insert(batch: InvitationBatch, events: readonly OutboxEntry[]): Promise<boolean> {
    try {
      await this.outbox.insert(this.batches, batch, events);
      return true;
    } catch (error) {
      // Written by an earlier, interrupted run: its events were written with it.
      if ((error as { code?: number }).code !== 11000) throw error;
      return false;
    }
  }
}
