import type { OutboxEntry } from '@sangathan/messaging';
import type { DayOutcome } from '../../domain/compliance';

/** One holder's outcome for one IST day; `id` is `<memberId>:<positionType>:<day>`. */
export type QuotaEvaluation = {
  id: string;
  memberId: string;
  positionType: string;
  areaId: string;
  ancestors: string[];
  day: string;
  outcome: DayOutcome;
  held: number;
  withVerifiedPhoto: number;
  evaluatedAt: Date;
};

export interface QuotaEvaluationRepositoryPort {
  /**
   * Records each evaluation with its events unless one with its id exists (an earlier run, another replica):
   * those write nothing and publish nothing. Returns the ids recorded now.
   */
  recordNew(
    evaluations: readonly { evaluation: QuotaEvaluation; events: OutboxEntry[] }[],
  ): Promise<Set<string>>;
}

export const QUOTA_EVALUATION_REPOSITORY = Symbol('QuotaEvaluationRepositoryPort');
