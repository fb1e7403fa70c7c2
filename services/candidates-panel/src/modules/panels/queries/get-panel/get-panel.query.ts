import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { aggregatesFor, toPanelView, toProspectView } from '../../application/panel-view';
import {
  FEEDBACK_REPOSITORY,
  type FeedbackRepositoryPort,
} from '../../application/ports/feedback.repository.port';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';

/** The panel with its prospects and their feedback aggregates beside it. */
@Injectable()
export class GetPanelQuery {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
    @Inject(FEEDBACK_REPOSITORY) private readonly feedback: FeedbackRepositoryPort,
  ) {}

  async execute(panelId: string, principal: Principal) {
    const { panel } = await this.workflow.loadFor(panelId, principal, 'read');
    const [prospects, sums] = await Promise.all([
      this.prospects.listByPanel(panel.id),
      this.feedback.sums(panel.id),
    ]);
    return {
      ...toPanelView(panel.snapshot),
      prospects: prospects.map(toProspectView),
      aggregates: aggregatesFor(
        prospects.map((p) => p.state.id),
        sums,
      ),
    };
  }
}
