import { Inject, Injectable } from '@nestjs/common';
import { createEvent, QuotaMissedV1 } from '@sangathan/contracts';
import { toOutboxEntry } from '@sangathan/messaging';
import { MEETINGS_SERVICE } from '../../meetings/application/meeting.integration-events';
import {
  MEETING_REPOSITORY,
  type MeetingRepositoryPort,
} from '../../meetings/application/ports/meeting.repository.port';
import {
  PHOTO_REPOSITORY,
  type PhotoRepositoryPort,
} from '../../meetings/application/ports/photo.repository.port';
import { ROSTER, type RosterPort } from '../../org-directory/application/ports/roster.port';
import { computeCompliance, type HolderCompliance } from '../domain/compliance';
import { DEFAULT_QUOTA_RULES, type QuotaRule } from '../domain/quota-rule';
import {
  QUOTA_EVALUATION_REPOSITORY,
  type QuotaEvaluationRepositoryPort,
} from './ports/quota-evaluation.repository.port';
import {
  QUOTA_RULE_REPOSITORY,
  type QuotaRuleRepositoryPort,
  type StoredQuotaRule,
} from './ports/quota-rule.repository.port';

/** Quota rules, the compliance fold over a subtree and days, and the daily quota-missed job. */
@Injectable()
export class QuotaService {
  constructor(
    @Inject(QUOTA_RULE_REPOSITORY) private readonly rules: QuotaRuleRepositoryPort,
    @Inject(QUOTA_EVALUATION_REPOSITORY) private readonly evaluations: QuotaEvaluationRepositoryPort,
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort,
    @Inject(ROSTER) private readonly roster: RosterPort,
    @Inject(PHOTO_REPOSITORY) private readonly photos: PhotoRepositoryPort,
  ) {}

  /** Defaults (in-charges: 4-5 a day with a photo each) overlaid with the stored rules. */
  async activeRules(): Promise<Map<string, QuotaRule>> {
    const rules = new Map(DEFAULT_QUOTA_RULES.map((r) => [r.positionType, r]));
    for (const { active, ...rule } of await this.rules.findAll()) {
      if (!active) rules.delete(rule.positionType);
      else rules.set(rule.positionType, rule);
    }
    return rules;
  }

  async setRule(rule: StoredQuotaRule): Promise<void> {
    await this.rules.save(rule);
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
    const evaluations = report.map((holder) => {
      const d = holder.days[0];
      const events =
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
      const evaluation = {
        id: `${holder.memberId}:${holder.positionType}:${day}`,
        memberId: holder.memberId,
        positionType: holder.positionType,
        areaId: holder.areaId,
        ancestors: holder.ancestors,
        day,
        outcome: d.outcome,
        held: d.held,
        withVerifiedPhoto: d.withVerifiedPhoto,
        evaluatedAt: new Date(),
      };
      return { evaluation, events };
    });
    const recorded = await this.evaluations.recordNew(evaluations);
    return {
      evaluated: report.length,
      missed: new Set(
        evaluations
          .filter((e) => e.events.length > 0 && recorded.has(e.evaluation.id))
          .map((e) => e.evaluation.id),
      ).size,
      alreadyDone: evaluations.length - recorded.size,
    };
  }
}
