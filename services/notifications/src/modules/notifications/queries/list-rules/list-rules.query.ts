import { Injectable } from '@nestjs/common';
import { ActiveRules } from '../../application/active-rules';
import type { RuleListDto } from './list-rules.dto';

@Injectable()
export class ListRulesQuery {
  constructor(private readonly rules: ActiveRules) {}

  run(): RuleListDto {
    const book = this.rules.current;
    return {
      loadedAt: this.rules.loadedAt.toISOString(),
      rules: book.rules.map((r) => ({
        id: r.id,
        description: r.description ?? null,
        on: r.on,
        version: r.version,
        when: r.when ?? null,
        to: r.to.map((t) => ({ ...t })),
        template: r.template,
        channels: r.channels,
        at: r.at ?? null,
        digest: r.digest
          ? { after: r.digest.after, window: r.digest.window, template: r.digest.template }
          : null,
      })),
      cancellations: book.cancellations.map((c) => ({ on: c.on, subject: c.subject, rules: c.rules })),
      reschedules: book.reschedules.map((r) => ({ on: r.on, subject: r.subject, rules: r.rules })),
    };
  }
}
