import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { RequestContext } from '../../../../common/request-context';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toPanelView, type PanelView } from '../../application/panel-view';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';
import type { ProposePanelDto } from './propose-panel.dto';

@Injectable()
export class ProposePanelHandler {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
  ) {}

  async execute(
    panelId: string,
    body: ProposePanelDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PanelView> {
    const panel = await this.workflow.change(panelId, principal, 'manage', ctx, async (panel, now) => {
      const onPanel = new Set((await this.prospects.listByPanel(panel.id)).map((p) => p.state.id));
      const entries = body.entries.map((e) => ({
        prospectId: e.prospectId,
        rationale: e.rationale.normalize('NFC'),
      }));
      return { events: panel.propose(entries, onPanel, principal.sub, now) };
    });
    return toPanelView(panel.snapshot);
  }
}
