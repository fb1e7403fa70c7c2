import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { uuidv7, ValidationError } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { feedbackIntegrationEvent } from '../../application/panels.integration-events';
import { CLOCK, type ClockPort } from '../../application/ports/clock.port';
import {
  FEEDBACK_REPOSITORY,
  type FeedbackRepositoryPort,
} from '../../application/ports/feedback.repository.port';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';
import { recordFeedback } from '../../domain/feedback';
import type { RecordFeedbackDto } from './record-feedback.dto';

@Injectable()
export class RecordFeedbackHandler {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
    @Inject(FEEDBACK_REPOSITORY) private readonly feedback: FeedbackRepositoryPort,
    @Inject(CLOCK) private readonly clock: ClockPort,
  ) {}

  async execute(panelId: string, body: RecordFeedbackDto, principal: Principal, ctx: RequestContext) {
    const { panel } = await this.workflow.loadFor(panelId, principal, 'feedback');
    panel.assertAcceptsFeedback();
    const prospect = await this.prospects.get(body.prospectId);
    if (!prospect || prospect.state.panelId !== panel.id)
      throw new ValidationError('UNKNOWN_PROSPECT', `prospect ${body.prospectId} is not on this panel`, [
        { field: 'prospectId', message: 'a prospect of this panel' },
      ]);
    const feedback = recordFeedback({
      id: uuidv7(),
      panelId: panel.id,
      prospectId: prospect.state.id,
      source: body.source,
      ratings: body.ratings,
      text: body.text,
      authorId: principal.sub,
      recordedAt: this.clock.now(),
    });
    await this.feedback.record(feedback, [feedbackIntegrationEvent(panel.snapshot, feedback, ctx)]);
    return {
      id: feedback.id,
      panelId: panel.id,
      prospectId: feedback.prospectId,
      recordedAt: feedback.recordedAt.toISOString(),
    };
  }
}
