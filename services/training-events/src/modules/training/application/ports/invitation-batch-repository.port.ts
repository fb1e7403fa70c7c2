import type { OutboxEntry } from '@sangathan/messaging';

/** The `invited` events of one chunk of invitations, carried by one outbox document. */
export type InvitationBatch = {
  /** `<sessionId>#<chunk>` for materialised chunks, `<participantId>#late` for late joiners. */
  _id: string;
  sessionId: string;
  programmeId: string;
  eventCount: number;
  createdAt: Date;
};

export interface InvitationBatchRepositoryPort {
  /** Writes the batch with its events; false if it exists already (its events were written then). */
  insert(batch: InvitationBatch, events: readonly OutboxEntry[]): Promise<boolean>;
}

export const INVITATION_BATCH_REPOSITORY = Symbol('InvitationBatchRepositoryPort');
