import { Injectable } from '@nestjs/common';
import { ForbiddenError, ValidationError } from '@sangathan/kernel';
import type { Principal } from '@sangathan/auth';
import { ActiveRules } from '../../application/active-rules';
import { ConfigFileError } from '../../application/config-file-error';

/** Reloads the rule and template files; a refused file answers 400 with each problem's line, and the old rules stay. */
@Injectable()
export class ReloadRulesHandler {
  constructor(private readonly rules: ActiveRules) {}

  execute(principal: Principal): { rules: number; loadedAt: string } {
    // The rules speak for the whole party: only someone at the root of the tree changes them.
    if (principal.areaPath.length > 0)
      throw new ForbiddenError('OUT_OF_SCOPE', 'only national administrators reload notification rules', [
        { message: 'requires a national position' },
      ]);
    try {
      const book = this.rules.reload();
      return { rules: book.rules.length, loadedAt: this.rules.loadedAt.toISOString() };
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      throw new ValidationError(
        'RULE_FILE_REFUSED',
        `${error.file} refused; the rules in force did not change`,
        error.problems.map((p) => ({
          field: `${p.line}:${p.column}${p.path ? ` ${p.path}` : ''}`,
          message: p.message,
        })),
      );
    }
  }
}
