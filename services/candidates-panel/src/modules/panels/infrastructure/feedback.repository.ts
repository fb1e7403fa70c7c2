import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { FilterQuery, Model } from 'mongoose';
import type {
  FeedbackRepositoryPort,
  ProspectRatingSums,
} from '../application/ports/feedback.repository.port';
import { CRITERIA, type Criterion, type FeedbackState } from '../domain/feedback';
import { FIELD_CIPHER, type FieldCipher } from './field-cipher';
import { FeedbackDocument } from './feedback.schema';

export const feedbackTextAad = (id: string) => `feedback:${id}:text`;

type SumsRow = { _id: string; count: number; lastRecordedAt: Date | null } & Record<string, number>;

@Injectable()
export class FeedbackRepository implements FeedbackRepositoryPort {
  constructor(
    @InjectModel(FeedbackDocument.name) private readonly model: Model<FeedbackDocument>,
    private readonly outbox: OutboxWriter,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async record(feedback: FeedbackState, events: readonly OutboxEntry[]): Promise<void> {
    await this.outbox.insert(
      this.model,
      {
        _id: feedback.id,
        panelId: feedback.panelId,
        prospectId: feedback.prospectId,
        source: feedback.source,
        ratings: { ...feedback.ratings },
        text: this.cipher.sealNullable(feedback.text, feedbackTextAad(feedback.id)),
        authorId: feedback.authorId,
        recordedAt: feedback.recordedAt,
        sealedWith: this.cipher.currentKeyId,
      },
      events,
    );
  }

  async list(
    panelId: string,
    options: { prospectId?: string; after?: string; limit: number },
  ): Promise<FeedbackState[]> {
    const query: FilterQuery<FeedbackDocument> = { panelId };
    if (options.prospectId) query.prospectId = options.prospectId;
    if (options.after) query._id = { $gt: options.after };
    const docs = await this.model
      .find(query, { outbox: 0, outboxDueAt: 0 })
      .sort({ _id: 1 })
      .limit(options.limit)
      .lean<FeedbackDocument[]>()
      .exec();
    return docs.map((doc) => ({
      id: doc._id,
      panelId: doc.panelId,
      prospectId: doc.prospectId,
      source: doc.source as FeedbackState['source'],
      ratings: doc.ratings as Record<Criterion, number>,
      text: this.cipher.openNullable(doc.text, feedbackTextAad(doc._id)),
      authorId: doc.authorId,
      recordedAt: new Date(doc.recordedAt),
    }));
  }

  async sums(panelId: string): Promise<ProspectRatingSums[]> {
    const group: Record<string, unknown> = {
      _id: '$prospectId',
      count: { $sum: 1 },
      lastRecordedAt: { $max: '$recordedAt' },
    };
    for (const criterion of CRITERIA) {
      group[`sum_${criterion}`] = { $sum: `$ratings.${criterion}` };
      group[`sq_${criterion}`] = { $sum: { $multiply: [`$ratings.${criterion}`, `$ratings.${criterion}`] } };
    }
    const rows = await this.model
      .aggregate<SumsRow>([{ $match: { panelId } }, { $group: group as never }])
      .exec();
    return rows.map((row) => {
      const sum = {} as Record<Criterion, number>;
      const sumOfSquares = {} as Record<Criterion, number>;
      for (const criterion of CRITERIA) {
        sum[criterion] = row[`sum_${criterion}`] ?? 0;
        sumOfSquares[criterion] = row[`sq_${criterion}`] ?? 0;
      }
      return {
        prospectId: row._id,
        count: row.count,
        sum,
        sumOfSquares,
        lastRecordedAt: row.lastRecordedAt ? new Date(row.lastRecordedAt) : null,
      };
    });
  }

  count(panelId: string): Promise<number> {
    return this.model.countDocuments({ panelId }).exec();
  }
}
