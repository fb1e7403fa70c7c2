import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { createEvent, QuotaMissedV1 } from '@sangathan/contracts';
import { OutboxRelay, outboxFieldsForInsert, toOutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import {
  MEETING_REPOSITORY,
  type MeetingRepository,
} from '../meetings/infrastructure/meeting.repository.port';
import { PhotoStore } from '../meetings/infrastructure/photo.store';
import { MEETINGS_SERVICE } from '../meetings/meeting-integration-events';
import { ROSTER, type Roster } from '../roster/infrastructure/roster.port';
import { computeCompliance, type HolderCompliance } from './domain/compliance';
import { DEFAULT_QUOTA_RULES, type QuotaRule } from './domain/quota-rule';
import { QuotaEvaluationDocument } from './infrastructure/quota-evaluation.schema';
import { QuotaRuleDocument } from './infrastructure/quota-rule.schema';

/** Quota rules, the compliance fold over a subtree and days, and the daily quota-missed job. */
@Injectable()
export class QuotaService {
  constructor(
    @InjectModel(QuotaRuleDocument.name) private readonly rules: Model<QuotaRuleDocument>,
    @InjectModel(QuotaEvaluationDocument.name) private readonly evaluations: Model<QuotaEvaluationDocument>,
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepository,
    @Inject(ROSTER) private readonly roster: Roster,
    private readonly photos: PhotoStore,
    private readonly outbox: OutboxRelay,
  ) {}

  /** Defaults (in-charges: 4-5 a day with a photo each) overlaid with the stored rules. */
  async activeRules(): Promise<Map<string, QuotaRule>> {
    const rules = new Map(DEFAULT_QUOTA_RULES.map((r) => [r.positionType, r]));
    for (const doc of await this.rules.find().lean<QuotaRuleDocument[]>().exec()) {
      if (!doc.active) rules.delete(doc._id);
      else
        rules.set(doc._id, {
          positionType: doc._id,
          minMeetings: doc.minMeetings,
          targetMeetings: doc.targetMeetings,
          photoRequired: doc.photoRequired,
          countedKinds: doc.countedKinds,
        });
    }
    return rules;
  }

  async setRule(rule: QuotaRule & { active: boolean }): Promise<void> {
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

  async compliance(areaId: string, days: string[]): Promise<HolderCompliance[]> {
    const rules = await this.activeRules();
    const holders = await this.roster.holders(areaId, [...rules.keys()]);
    const held = await this.meetings.heldBy(
      [...new Set(holders.map((h) => h.memberId))],
      days[0],
      days[days.length - 1],
    );
    const stats = await this.photos.statsByMeetings(held.map((m) => m.id));
    return computeCompliance(
      holders,
      rules,
      held.map((m) => ({
        ...m,
        photos: stats.get(m.id)?.photos ?? 0,
        verifiedPhotos: stats.get(m.id)?.verified ?? 0,
      })),
      days,
    );
  }

  /**
   * Evaluates one IST day for every holder under `areaId` and publishes meetings.quota.missed for
   * each shortfall. Idempotent: each (holder, position, day) is one insert with a fixed id.
   */
  async evaluateDay(
    day: string,
    areaId: string,
    correlationId: string,
  ): Promise<{ evaluated: number; missed: number; alreadyDone: number }> {
    const report = await this.compliance(areaId, [day]);
    let missed = 0;
    let alreadyDone = 0;
    const withEvents: string[] = [];
    for (const holder of report) {
      const d = holder.days[0];
      const id = `${holder.memberId}:${holder.positionType}:${day}`;
      const entries =
        d.outcome === 'met'
          ? []
          : [
              toOutboxEntry(
                createEvent(
                  QuotaMissedV1,
                  {
                    memberId: holder.memberId,
                    role: holder.positionType,
                    areaId: holder.areaId,
                    ancestors: holder.ancestors,
                    day,
                    requiredMeetings: holder.rule.minMeetings,
                    photoRequired: holder.rule.photoRequired,
                    heldCount: d.held,
                    withVerifiedPhotoCount: d.withVerifiedPhoto,
                    withPhotoCount: d.withPhoto,
                    shortfall: d.outcome === 'short' ? 'short' : 'no-photos',
                  },
                  {
                    producer: MEETINGS_SERVICE,
                    areaId: holder.areaId,
                    areaPath: holder.ancestors,
                    actorId: null,
                    correlationId,
                  },
                ),
                QuotaMissedV1.topic,
                holder.memberId,
              ),
            ];
      try {
        await this.evaluations.collection.insertOne({
          _id: id,
          memberId: holder.memberId,
          positionType: holder.positionType,
          areaId: holder.areaId,
          ancestors: holder.ancestors,
          day,
          outcome: d.outcome,
          held: d.held,
          withVerifiedPhoto: d.withVerifiedPhoto,
          evaluatedAt: new Date(),
          ...outboxFieldsForInsert(entries),
        } as never);
        if (entries.length) {
          missed++;
          withEvents.push(id);
        }
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        alreadyDone++;
      }
    }
    if (withEvents.length) this.outbox.notify('quota_evaluations', withEvents);
    return { evaluated: report.length, missed, alreadyDone };
  }
}
