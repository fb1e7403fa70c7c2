import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { ConflictError } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toPanelView, type PanelView } from '../../application/panel-view';
import { DECISION_CLAIMS, type DecisionClaimsPort } from '../../application/ports/decision-claims.port';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';
import type { DecidePanelDto } from './decide-panel.dto';

@Injectable()
export class DecidePanelHandler {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
    @Inject(DECISION_CLAIMS) private readonly claims: DecisionClaimsPort,
  ) {}

  async execute(
    panelId: string,
    body: DecidePanelDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PanelView> {
    const panel = await this.workflow.change(panelId, principal, 'decide', ctx, async (panel, now) => {
      const events = panel.decide(body.prospectId, principal.sub, now);
      const prospect = await this.prospects.get(body.prospectId);
      if (!prospect) throw new Error(`prospect ${body.prospectId} of panel ${panel.id} is missing`);
      const { cycleId } = panel.snapshot;
      const personKey = this.prospects.personKeyOf(prospect);
      const holder = await this.claims.claim(cycleId, personKey, panel.id);
      if (holder !== panel.id)
        throw new ConflictError(
          'DECIDED_FOR_ANOTHER_SEAT',
          `this person is already the decided candidate of another seat in ${cycleId}`,
          [{ field: 'prospectId', message: 'one seat per person per cycle' }],
        );
      return { events, onLostRace: () => this.claims.release(cycleId, personKey, panel.id) };
    });
    return toPanelView(panel.snapshot);
  }
}
