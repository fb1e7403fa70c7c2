import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { RequestContext } from '../../../../common/request-context';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toPanelView, type PanelView } from '../../application/panel-view';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';

@Injectable()
export class AnnouncePanelHandler {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
  ) {}

  async execute(panelId: string, principal: Principal, ctx: RequestContext): Promise<PanelView> {
    const panel = await this.workflow.change(panelId, principal, 'decide', ctx, async (panel, now) => {
      const events = panel.announce(principal.sub, now);
      const chosen = await this.prospects.get(panel.snapshot.decision!.prospectId);
      if (!chosen) throw new Error(`the decided prospect of panel ${panel.id} is missing`);
      return { events, extra: { chosenName: chosen.state.name } };
    });
    return toPanelView(panel.snapshot);
  }
}
