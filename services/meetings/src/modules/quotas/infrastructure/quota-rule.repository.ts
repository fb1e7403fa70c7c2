import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type {
  QuotaRuleRepositoryPort,
  StoredQuotaRule,
} from '../application/ports/quota-rule.repository.port';
import { QuotaRuleDocument } from './quota-rule.schema';

@Injectable()
export class QuotaRuleRepository implements QuotaRuleRepositoryPort {
  constructor(@InjectModel(QuotaRuleDocument.name) private readonly rules: Model<QuotaRuleDocument>) {}

  async findAll(): Promise<StoredQuotaRule[]> {
    const docs = await this.rules.find().lean<QuotaRuleDocument[]>().exec();
    return docs.map((doc) => ({
      positionType: doc._id,
      minMeetings: doc.minMeetings,
      targetMeetings: doc.targetMeetings,
      photoRequired: doc.photoRequired,
      countedKinds: doc.countedKinds,
      active: doc.active,
    }));
  }

  async save(rule: StoredQuotaRule): Promise<void> {
    await this.rules
      .updateOne(
        { _id: rule.positionType },
        {
          $set: {
            minMeetings: rule.minMeetings,
            targetMeetings: rule.targetMeetings,
            photoRequired: rule.photoRequired,
            countedKinds: rule.countedKinds,
            active: rule.active,
          },
        },
        { upsert: true },
      )
      .exec();
  }
}
