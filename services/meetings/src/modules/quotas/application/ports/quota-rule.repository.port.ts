import type { QuotaRule } from '../../domain/quota-rule';

/** A stored quota rule; an inactive one switches the quota (and its default) off for its position type. */
export type StoredQuotaRule = QuotaRule & { active: boolean };

export interface QuotaRuleRepositoryPort {
  findAll(): Promise<StoredQuotaRule[]>;
  /** Creates or replaces the rule of `rule.positionType`. */
  save(rule: StoredQuotaRule): Promise<void>;
}

export const QUOTA_RULE_REPOSITORY = Symbol('QuotaRuleRepositoryPort');
