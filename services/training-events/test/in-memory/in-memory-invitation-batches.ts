import type { OutboxEntry } from '@sangathan/messaging';
import type {
  InvitationBatch,
  InvitationBatchRepositoryPort,
} from '../../src/modules/training/application/ports/invitation-batch-repository.port';
import { recorded, type RecordedEvent } from './recorded-events';

export class InMemoryInvitationBatches implements InvitationBatchRepositoryPort {
  readonly items = new Map<string, InvitationBatch & { outbox: OutboxEntry[] }>();

  eventsOf(batchId: string): RecordedEvent[] {
    return recorded(this.items.get(batchId)?.outbox ?? []);
  }

  async insert(batch: InvitationBatch, events: readonly OutboxEntry[]): Promise<boolean> {
    if (this.items.has(batch._id)) return false;
    this.items.set(batch._id, { ...batch, outbox: [...events] });
    return true;
  }
}
