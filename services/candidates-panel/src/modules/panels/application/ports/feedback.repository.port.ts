import type { OutboxEntry } from '@sangathan/messaging';
import type { FeedbackState, RatingSums } from '../../domain/feedback';

export type ProspectRatingSums = RatingSums & { prospectId: string; lastRecordedAt: Date | null };

export interface FeedbackRepositoryPort {
  /** Stores one piece of feedback with its event in one write. */
  record(feedback: FeedbackState, events: readonly OutboxEntry[]): Promise<void>;
  list(
    panelId: string,
    options: { prospectId?: string; after?: string; limit: number },
  ): Promise<FeedbackState[]>;
  /** Count and rating sums per prospect of the panel, computed by the database at read time (always current). */
  sums(panelId: string): Promise<ProspectRatingSums[]>;
  count(panelId: string): Promise<number>;
}

export const FEEDBACK_REPOSITORY = Symbol('FEEDBACK_REPOSITORY');
