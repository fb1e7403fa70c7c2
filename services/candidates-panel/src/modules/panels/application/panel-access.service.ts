import { Inject, Injectable } from '@nestjs/common';
import { isWithinScope, permissionsOf, type Principal } from '@sangathan/auth';
import { ForbiddenError } from '@sangathan/kernel';
import {
  ORG_DIRECTORY,
  type OrgDirectoryPort,
} from '../../org-directory/application/ports/org-directory.port';
import { decideAccess, type AccessFacts, type PanelAction } from '../domain/panel-access.policy';

/** The zone a panel (or a panel about to be opened) belongs to, and whether the caller collects for it. */
export type PanelTarget = {
  zoneId: string;
  zoneAncestors: readonly string[];
  collectorIds?: readonly string[];
};

/**
 * Gathers the facts the access policy needs (the token's roles and area, and who holds the zone-coordinator and
 * national-president positions now, from org-directory) and refuses with 403. Refusals are audited by
 * PanelAuditInterceptor, which sees every error a panel route throws.
 */
@Injectable()
export class PanelAccess {
  constructor(@Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort) {}

  /** The permission alone, before anything is loaded, so a caller without it learns nothing about the target. */
  assertPermission(principal: Principal, action: PanelAction): void {
    const decision = decideAccess(action, {
      permissions: permissionsOf(principal.roles),
      inScope: true,
      national: true,
      zoneCoordinator: true,
      president: true,
      collector: true,
    });
    if (!decision.allowed) throw new ForbiddenError(decision.code, decision.reason, []);
  }

  async assert(principal: Principal, action: PanelAction, target?: PanelTarget): Promise<void> {
    const facts = await this.facts(principal, action, target);
    const decision = decideAccess(action, facts);
    if (!decision.allowed) throw new ForbiddenError(decision.code, decision.reason, []);
  }

  private async facts(principal: Principal, action: PanelAction, target?: PanelTarget): Promise<AccessFacts> {
    const national = principal.areaPath.length === 0;
    const inScope = target
      ? isWithinScope(principal, { areaId: target.zoneId, ancestors: target.zoneAncestors })
      : national;
    const collector = target?.collectorIds?.includes(principal.sub) ?? false;
    // A designated collector recording feedback needs nothing more: spare the hot path the position lookup.
    const zoneCoordinator =
      target !== undefined &&
      !(action === 'feedback' && collector) &&
      (await this.directory.holderOf(`zone-coordinator:${target.zoneId}`)) === principal.sub;
    const president =
      action === 'decide' && (await this.directory.holdsPositionType(principal.sub, 'national-president'));
    return {
      permissions: permissionsOf(principal.roles),
      inScope,
      national,
      zoneCoordinator,
      president,
      collector,
    };
  }
}
