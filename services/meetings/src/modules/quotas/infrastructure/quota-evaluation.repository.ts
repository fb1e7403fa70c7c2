import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type {
  QuotaEvaluation,
  QuotaEvaluationRepositoryPort,
} from '../application/ports/quota-evaluation.repository.port';
import { QuotaEvaluationDocument } from './quota-evaluation.schema';

const CHUNK = 1000;

/** Indexes (in the bulk) of the inserts that hit an existing `_id`; any other failure is rethrown. */
function duplicateIndexes(error: unknown): Set<number> {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  if (!writeErrors) throw error;
  const failures = ([] as { code?: number; index: number }[]).concat(writeErrors as never);
  if (failures.some((failure) => failure.code !== 11000)) throw error;
  return new Set(failures.map((failure) => failure.index));
}

@Injectable()
export class QuotaEvaluationRepository implements QuotaEvaluationRepositoryPort {
  constructor(
    @InjectModel(QuotaEvaluationDocument.name) private readonly evaluations: Model<QuotaEvaluationDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async recordNew(
    evaluations: readonly { evaluation: QuotaEvaluation; events: OutboxEntry[] }[],
  ): Promise<Set<string>> {
    const recorded = new Set<string>();
    for (let i = 0; i < evaluations.length; i += CHUNK) {
      const chunk = evaluations.slice(i, i + CHUNK);
      const existing = new Set(
        (
          await this.evaluations
            .find({ _id: { $in: chunk.map((e) => e.evaluation.id) } }, { _id: 1 })
            .lean<{ _id: string }[]>()
            .exec()
        ).map((doc) => doc._id),
      );
      const fresh = chunk.filter((e) => !existing.has(e.evaluation.id));
      let duplicates = new Set<number>();
      try {
        await this.outbox.bulk(
          this.evaluations,
          fresh.map(({ evaluation: { id, ...fields }, events }) => ({
            insert: { _id: id, ...fields },
            events,
          })),
        );
      } catch (error) {
        // Another replica recorded some of them between the read and the insert: the fixed ids keep them once.
        duplicates = duplicateIndexes(error);
      }
      fresh.forEach((e, index) => {
        if (!duplicates.has(index)) recorded.add(e.evaluation.id);
      });
    }
    return recorded;
  }
}
