import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { NotFoundError, retryOnConcurrentChange } from '@sangathan/kernel';
import type { RequestContext } from '../../../common/request-context';
import type { PanelAction } from '../domain/panel-access.policy';
import type { Panel, PanelEvent } from '../domain/panel.entity';
import { CLOCK, type ClockPort } from './ports/clock.port';
import { PANEL_REPOSITORY, type PanelRepositoryPort } from './ports/panel.repository.port';
import { PanelAccess } from './panel-access.service';
import { panelIntegrationEvents } from './panels.integration-events';

export type PanelChange = {
  events: PanelEvent[];
  extra?: { feedbackCount?: number; chosenName?: string };
  /** Runs when the write lost a version race, before the change is tried again. */
  onLostRace?: () => Promise<void>;
};

/**
 * The one path of every panel transition: load, check access, let the domain decide, save state and events in
 * one guarded write; a lost race re-runs the whole thing.
 */
@Injectable()
export class PanelWorkflow {
  constructor(
    @Inject(PANEL_REPOSITORY) private readonly panels: PanelRepositoryPort,
    @Inject(CLOCK) private readonly clock: ClockPort,
    private readonly access: PanelAccess,
  ) {}

  change(
    panelId: string,
    principal: Principal,
    action: PanelAction,
    ctx: RequestContext,
    decide: (panel: Panel, now: Date) => Promise<PanelChange>,
  ): Promise<Panel> {
    this.access.assertPermission(principal, action);
    return retryOnConcurrentChange(async () => {
      const panel = await this.loadFor(panelId, principal, action);
      const { panel: loaded, version } = panel;
      const change = await decide(loaded, this.clock.now());
      const entries = panelIntegrationEvents(loaded.snapshot, change.events, ctx, change.extra);
      try {
        await this.panels.save(loaded, version, entries);
      } catch (error) {
        await change.onLostRace?.();
        throw error;
      }
      return loaded;
    });
  }

  /** Loads a panel the caller may act on (404 when there is none, 403 when they may not). */
  async loadFor(
    panelId: string,
    principal: Principal,
    action: PanelAction,
  ): Promise<{ panel: Panel; version: number }> {
    this.access.assertPermission(principal, action);
    const loaded = await this.panels.load(panelId);
    if (!loaded) throw new NotFoundError('panel', panelId);
    const state = loaded.panel.snapshot;
    await this.access.assert(principal, action, {
      zoneId: state.zoneId,
      zoneAncestors: state.zoneAncestors,
      collectorIds: state.collectorIds,
    });
    return loaded;
  }
}
