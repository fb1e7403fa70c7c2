import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { RequestContext } from '../../../../common/request-context';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toPanelView, type PanelView } from '../../application/panel-view';
import {
  FEEDBACK_REPOSITORY,
  type FeedbackRepositoryPort,
} from '../../application/ports/feedback.repository.port';

@Injectable()
export class SubmitPanelHandler {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(FEEDBACK_REPOSITORY) private readonly feedback: FeedbackRepositoryPort,
  ) {}

  async execute(panelId: string, principal: Principal, ctx: RequestContext): Promise<PanelView> {
    const panel = await this.workflow.change(panelId, principal, 'manage', ctx, async (panel, now) => ({
      events: panel.submit(principal.sub, now),
      extra: { feedbackCount: await this.feedback.count(panel.id) },
    }));
    return toPanelView(panel.snapshot);
  }
}
