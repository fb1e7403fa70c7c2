import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { aggregatesFor, toProspectView } from '../../application/panel-view';
import {
  FEEDBACK_REPOSITORY,
  type FeedbackRepositoryPort,
} from '../../application/ports/feedback.repository.port';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';

@Injectable()
export class GetProspectQuery {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
    @Inject(FEEDBACK_REPOSITORY) private readonly feedback: FeedbackRepositoryPort,
  ) {}

  async execute(panelId: string, prospectId: string, principal: Principal) {
    const { panel } = await this.workflow.loadFor(panelId, principal, 'read');
    const prospect = await this.prospects.get(prospectId);
    if (!prospect || prospect.state.panelId !== panel.id) throw new NotFoundError('prospect', prospectId);
    const [aggregate] = aggregatesFor([prospectId], await this.feedback.sums(panel.id));
    return { ...toProspectView(prospect), aggregate };
  }
}
